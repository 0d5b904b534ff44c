/*
 * p4nn.h - the native side of the p4nn inference library (docs/p4nn.md).
 *
 * Module p4nn_model (nn/model.c) reads a .p4nn model file
 * (docs/p4nn-model.md) from the file system:
 *
 *   p4nn_model.load(path) -> dict
 *       name -> array('b' | 'i' | 'f') for each numeric tensor,
 *       name -> str for each text tensor ('u', e.g. "graph").
 *       Every field of the file is checked first; a corrupt or mismatched
 *       file raises ValueError naming what was wrong, a missing one
 *       FileNotFoundError / OSError. Each tensor's bytes are read from the
 *       file straight into its array (no second copy of the weights).
 *
 * The checking itself is plain C over a byte buffer (p4nn_check) so that the
 * fuzzer and the tests can run it without a VM.
 */
#ifndef P4_NN_H
#define P4_NN_H

#include <stddef.h>
#include <stdint.h>

#include "vm/obj.h"

#define P4NN_MAGIC "P4NN"
#define P4NN_VERSION_MAJOR 1
#define P4NN_VERSION_MINOR 0
#define P4NN_HEADER_SIZE 24u
#define P4NN_MAX_TENSORS 1024u
#define P4NN_MAX_NAME 63u
#define P4NN_MAX_DIMS 4u
#define P4NN_ALIGN 16u

typedef struct P4nnTensor {
    char name[P4NN_MAX_NAME + 1];
    char type;              /* 'b' int8, 'i' int32, 'f' float32, 'u' UTF-8 text */
    uint8_t ndims;
    uint32_t dims[P4NN_MAX_DIMS];
    uint32_t offset, length; /* bytes, from the start of the file */
} P4nnTensor;

/* The parsed header and table. */
typedef struct P4nnFile {
    uint32_t size, count;
    P4nnTensor *tensors; /* malloc'd; p4nn_free */
} P4nnFile;

/* Checks the header and tensor table in head[0..head_len) (at least the
 * header and the whole table: read the first bytes of the file, the table
 * ends within them or the file is rejected) against the file's real size.
 * Returns 0, or -1 with the reason in err. Does not check the CRC. */
int p4nn_parse(const uint8_t *head, size_t head_len, uint32_t real_size, P4nnFile *out, char *err,
               size_t errlen);
void p4nn_free(P4nnFile *f);

/* CRC-32 (IEEE, as zlib.crc32): crc = p4nn_crc32(crc, data, len), start 0. */
uint32_t p4nn_crc32(uint32_t crc, const uint8_t *data, size_t len);

/* The whole check of a file held in memory: table, then CRC, then the text
 * tensors' UTF-8. Returns 0 or -1 with err. */
int p4nn_check(const uint8_t *data, size_t len, P4nnFile *out, char *err, size_t errlen);

extern const Module module_p4nn_model;

#endif
