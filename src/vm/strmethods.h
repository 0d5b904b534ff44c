/*
 * strmethods.h - what str.c lends to the further str/bytes methods of
 * strmethods.c, and the methods the tables of str.c list.
 */
#ifndef P4_STRMETHODS_H
#define P4_STRMETHODS_H

#include "vm/vm.h"

uint32_t strx_byte_offset(const Str *s, uint32_t ci);
int64_t strx_find(const char *hay, uint32_t hlen, const char *needle, uint32_t nlen, uint32_t from);
uint32_t strx_decode(const char *p, const char *end, uint32_t *len);
uint32_t strx_space_at(const Str *s, const char *p, const char *end);
uint32_t strx_space_before(const Str *s, const char *begin, const char *end);
bool strx_region(VM *vm, Str *s, Value *args, int nargs, uint32_t *bs, uint32_t *be, bool *past_end);
bool strx_result(VM *vm, Value self, const char *data, uint32_t len, Value *out);
int32_t strx_char_index(const Str *s, int64_t byte);
bool strx_split(VM *vm, Value *args, int nargs, Value *out);
bool strx_strip(VM *vm, Value *args, int nargs, int which, Value *out);
bool strx_classify(Value *args, int kind, Value *out);

#define STR_MORE_METHODS(X)                                                                        \
    X(rsplit) X(partition) X(rpartition) X(expandtabs) X(zfill) X(center) X(ljust) X(rjust)         \
    X(title) X(capitalize) X(swapcase) X(splitlines) X(rfind) X(rindex) X(isupper) X(islower)       \
    X(isnumeric) X(isdecimal) X(isalnum) X(isidentifier) X(istitle) X(isprintable) X(isascii)       \
    X(removeprefix) X(removesuffix) X(casefold) X(translate)
#define BYTES_MORE_METHODS(X)                                                                      \
    X(rsplit) X(partition) X(rpartition) X(expandtabs) X(zfill) X(center) X(ljust) X(rjust)         \
    X(title) X(capitalize) X(swapcase) X(splitlines) X(rfind) X(rindex) X(isupper) X(islower)       \
    X(isalnum) X(isascii) X(removeprefix) X(removesuffix) X(hex) X(lstrip) X(rstrip) X(isdigit)     \
    X(isalpha) X(isspace)

#define STRM_DECL(name) extern const Native strm_##name;
STR_MORE_METHODS(STRM_DECL)
extern const Native strm_hex, strm_lstrip, strm_rstrip, strm_isdigit, strm_isalpha, strm_isspace,
    strm_split_kw;
#undef STRM_DECL

/* str.maketrans, bytes.fromhex, dict.fromkeys: found on the type (types.c) */
extern const Native strm_maketrans, strm_fromhex;

#endif
