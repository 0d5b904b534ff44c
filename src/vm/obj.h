/*
 * obj.h - object layouts and the functions that create and operate on them.
 *
 * Every object starts with an Obj header. Objects live in the VM's fixed-size
 * heap (gc.c) or, for built-in functions, types and modules, in static
 * read-only memory (the collector ignores pointers outside its heap).
 * Variable-size payloads of growable objects (list items, dict tables, array
 * bytes) live in separate T_RAW blocks so the object itself never moves.
 *
 * Conventions for every function that can fail: it returns bool (or a
 * pointer), and on failure has set the pending exception with vm_raise()
 * (gc_alloc sets MemoryError itself). Nothing ever aborts.
 *
 * GC rule: any allocation may collect. A C function that keeps a freshly
 * allocated object in a C variable across another allocation must root it
 * with VM_ROOT()/VM_UNROOT() (vm.h). Arguments of natives are already rooted
 * (they sit on the VM stack). `p4jit run --gc-stress` collects at every
 * allocation, and the ASan build's tests run the corpus that way, so a
 * missing root shows up as a use of poisoned (freed) heap memory.
 */
#ifndef P4_OBJ_H
#define P4_OBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/opcodes.h"
#include "vm/value.h"

typedef struct VM VM;

typedef struct Obj {
    uint32_t gc;   /* owned by gc.c: block size and mark bits; 0 in static objects */
    uint8_t type;  /* enum Type */
    uint8_t flags; /* per type (see below) */
    uint16_t aux;  /* per type: Str qid, Array typecode, Iter kind, ... */
} Obj;

static inline Value v_obj(void *o)
{
    Value v;
    v.type = ((Obj *)o)->type;
    v.u.obj = (Obj *)o;
    return v;
}

#define AS(T, v) ((T *)(v).u.obj)

/* ---- strings and bytes -------------------------------------------------- */

#define STR_ASCII 0x01 /* flags: every byte < 0x80, so byte index == char index */
#define QID_NONE 0xffff /* aux of a Str that is not a known attribute name */

typedef struct Str { /* T_STR (UTF-8) and T_BYTES (raw); immutable */
    Obj hdr;
    uint32_t len;  /* bytes */
    uint32_t hash; /* 0 until computed */
    char data[];   /* len bytes plus a NUL */
} Str;

/* ---- sequences ---------------------------------------------------------- */

typedef struct Tuple { /* T_TUPLE; immutable */
    Obj hdr;
    uint32_t len;
    Value items[];
} Tuple;

#define LIST_DEQUE 0x80 /* flags: a collections.deque (maxlen in hdr.aux; vm/collections.c) */
typedef struct List { /* T_LIST */
    Obj hdr;
    uint32_t len, cap;
    Value *items; /* payload of a T_RAW block (or NULL when cap == 0) */
} List;

/* array.array and bytearray share one layout; typecode in hdr.aux:
 * 'b' 'B' 'h' 'H' 'i' 'I' 'f' (bytearray uses 'B'). */
typedef struct Array { /* T_ARRAY, T_BYTEARRAY */
    Obj hdr;
    uint32_t len, cap; /* in elements */
    uint8_t *data;     /* payload of a T_RAW block (or NULL) */
} Array;

typedef struct Range { /* T_RANGE */
    Obj hdr;
    int32_t start, stop, step;
} Range;

typedef struct Slice { /* T_SLICE */
    Obj hdr;
    Value start, stop, step; /* None when omitted */
} Slice;

/* ---- dict ---------------------------------------------------------------- */

typedef struct DictEntry {
    Value key; /* T_UNBOUND: deleted */
    Value value;
    uint32_t hash;
} DictEntry;

/* Insertion-ordered hash table: entries in insertion order, plus an index of
 * 2^k slots holding entry numbers (-1 empty), probed linearly. */
typedef struct Dict { /* T_DICT */
    Obj hdr;
    uint32_t len;       /* live entries */
    uint32_t used;      /* entries[0..used) incl. deleted */
    uint32_t cap;       /* entries capacity */
    uint32_t mask;      /* index size - 1 (0 when no index yet) */
    DictEntry *entries; /* T_RAW payload */
    int32_t *index;     /* T_RAW payload */
} Dict;
#define DICT_MODULE_NS 0x01 /* flags: a module's globals() dict; item stores reach the module (vm/eval.c) */

enum DictViewKind { VIEW_KEYS, VIEW_VALUES, VIEW_ITEMS };
typedef struct DictView { /* T_DICTVIEW; kind in hdr.aux */
    Obj hdr;
    Dict *dict;
} DictView;

/* ---- iterators ------------------------------------------------------------ */

enum IterKind {
    ITER_RANGE,     /* i = next value, a = stop, b = step */
    ITER_SEQ,       /* list, tuple, str, bytes, bytearray, array: i = index */
    ITER_DICT,      /* dict or view: i = entry index, aux2 = view kind | ITER_DICT_REVERSED */
    ITER_REVERSED,  /* reversed(seq): i = next index (counts down) */
    ITER_ENUMERATE, /* src = inner iterator, i = count */
    ITER_ZIP,       /* src = tuple of iterators */
    ITER_SET,       /* set or frozenset: i = table slot, a = size when started */
    ITER_MAP,       /* src = tuple (function, iterator, iterator, ...) */
    ITER_FILTER,    /* src = tuple (function or None, iterator) */
    ITER_CALL,      /* iter(callable, sentinel): src = tuple (callable, sentinel); i = 1 when done */
    ITER_ITERTOOL,  /* the itertools module's (vm/itertools.c): which one in aux2, its state in src */
};

#define ITER_DICT_REVERSED 0x100u /* in an ITER_DICT's aux2: walks the entries backwards (reversed()) */

typedef struct Iter { /* T_ITER; kind in hdr.aux */
    Obj hdr;
    int32_t i, a, b;
    uint32_t aux2;
    Value src; /* the sequence, dict, or inner iterator(s) */
} Iter;

/* ---- generators and sets (gen.c, set.c) ------------------------------------ */

enum GenState { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_DONE };

/* A generator: the frame of a generator function between resumptions. Its
 * locals and value stack are copied out at each yield and back onto the VM
 * stack at each resumption (interp.c), so a running generator's frame is an
 * ordinary frame and the interpreter's loop needs no indirection. */
typedef struct Gen { /* T_GEN; state in hdr.aux */
    Obj hdr;
    struct Function *func;
    Value *saved;   /* T_RAW: nlocals + maxstack values (NULL once done) */
    uint32_t pc;    /* the next instruction when resumed */
    uint32_t depth; /* value-stack items saved after the locals */
    Value handled;  /* T_TUPLE: the exceptions its handlers were handling when
                       it yielded (put back on the VM's stack when resumed), or None */
} Gen;

/* A set or frozenset: an open-addressing table probed as CPython's is (a
 * few linear probes, then perturbed jumps), so that sets of ints iterate in
 * CPython's order. An empty slot has key T_UNBOUND with u.i 0, a deleted one
 * (dummy) T_UNBOUND with u.i 1. */
typedef struct SetEntry {
    Value key;
    uint32_t hash;
} SetEntry;

typedef struct Set { /* T_SET, T_FROZENSET */
    Obj hdr;
    uint32_t fill;    /* live + dummy slots */
    uint32_t used;    /* live slots */
    uint32_t mask;    /* table size - 1 */
    uint32_t finger;  /* where pop() looks next */
    uint32_t hash;    /* frozenset: cached hash + 1, 0 when not computed */
    SetEntry *table;  /* T_RAW payload of mask + 1 entries */
} Set;

/* ---- callables, modules, classes ------------------------------------------ */

struct Code;
struct Program;

typedef struct Function { /* T_FUNCTION */
    Obj hdr;
    struct Code *code;
    Tuple *defaults; /* NULL when none */
    void *jit;       /* compiled code, owned by the JIT (later) */
    Tuple *closure;  /* T_CELL values for the code's free variables; NULL when none */
    Dict *kwdefaults;/* keyword-only parameters' defaults; NULL when none */
    Dict *dict;      /* attributes the program set (f.x = 1), __dict__; NULL when none (funcattr.c) */
    Dict *renamed;   /* __name__, __qualname__, __doc__ assigned; NULL when none */
} Function;

/* A variable shared between a function and the functions nested in it. The
 * owner's local slot holds the cell once a closure captured it; until then
 * it holds the plain value (LOAD_DEREF accepts both). */
typedef struct Cell { /* T_CELL */
    Obj hdr;
    Value value;     /* T_UNBOUND when the variable is unset */
    Str *name;       /* for the NameError/UnboundLocalError messages */
} Cell;


/* Native calling convention: args[0..nargs) on the VM stack (rooted); for a
 * method args[0] is self. kwnames (NULL if none) names the last
 * kwnames->len arguments. Write the result to *out and return true, or raise
 * and return false. */
typedef bool (*NativeFn)(VM *vm, Value *args, int nargs, Tuple *kwnames, Value *out);

#define NATIVE_KW 0x01 /* flags: accepts keyword arguments */
#define NATIVE_GETTER 0x02 /* flags: computes a module attribute (ModuleAttr) */

typedef struct Native { /* T_NATIVE; static */
    Obj hdr;
    const char *name;
    NativeFn fn;
    int8_t minargs, maxargs; /* checked by the caller; maxargs -1: any */
} Native;

#define NATIVE(cname, pyname, fn, min, max) \
    const Native cname = {{0, T_NATIVE, 0, 0}, pyname, fn, min, max}
#define NATIVE_WITH_KW(cname, pyname, fn, min, max) \
    const Native cname = {{0, T_NATIVE, NATIVE_KW, 0}, pyname, fn, min, max}

/* A method bound to its object: a native (method != NULL) or, for user
 * classes, any callable in func (method == NULL; vm/class.c). */
typedef struct BoundMethod { /* T_BOUNDMETHOD */
    Obj hdr;
    const Native *method;
    Value self;
    Value func;
} BoundMethod;

typedef struct ModuleAttr {
    const char *name;
    Value (*get)(void); /* returns the attribute (a static object or a number); a
                           Native flagged NATIVE_GETTER is called (no arguments)
                           for the attribute instead: made at run time (sys.argv) */
} ModuleAttr;

/* An object of a native library module (vm/libobj.c): a kind (hdr.aux, enum
 * LibKind there) and a few value slots the collector marks. */
typedef struct LibObj { /* T_LIBOBJ */
    Obj hdr;
    uint32_t nslots;
    Value slots[];
} LibObj;

typedef struct Module { /* T_MODULE; static */
    Obj hdr;
    const char *name;
    const ModuleAttr *attrs;
    uint32_t nattrs;
} Module;

/* A module imported from a .py or .p4b file (vm/module.c): a heap object
 * whose attributes are its program's globals. hdr.flags has MODULE_PY. */
#define MODULE_PY 0x01
struct Program;
typedef struct PyModule { /* T_MODULE with MODULE_PY; in the heap */
    Module base;            /* base.name points at name[] below */
    struct Program *program;
    char name[];
} PyModule;

/* Exception classes, in one table (vm/exc.c) with their base classes. */
#define P4_EXCEPTIONS(X)                          \
    X(BaseException, BaseException)               \
    X(Exception, BaseException)                   \
    X(ArithmeticError, Exception)                 \
    X(ZeroDivisionError, ArithmeticError)         \
    X(OverflowError, ArithmeticError)             \
    X(LookupError, Exception)                     \
    X(IndexError, LookupError)                    \
    X(KeyError, LookupError)                      \
    X(ValueError, Exception)                      \
    X(TypeError, Exception)                       \
    X(NameError, Exception)                       \
    X(UnboundLocalError, NameError)               \
    X(AttributeError, Exception)                  \
    X(ImportError, Exception)                     \
    X(ModuleNotFoundError, ImportError)           \
    X(AssertionError, Exception)                  \
    X(RuntimeError, Exception)                    \
    X(RecursionError, RuntimeError)               \
    X(NotImplementedError, RuntimeError)          \
    X(MemoryError, Exception)                     \
    X(StopIteration, Exception)                   \
    X(SyntaxError, Exception)                     \
    X(KeyboardInterrupt, BaseException)           \
    X(OSError, Exception)                         \
    X(FileNotFoundError, OSError)                 \
    X(UnicodeError, ValueError)                   \
    X(UnicodeDecodeError, UnicodeError)           \
    X(UnicodeEncodeError, UnicodeError)           \
    X(GeneratorExit, BaseException)               \
    X(SystemExit, BaseException)                  \
    X(EOFError, Exception)                        \
    X(BufferError, Exception)                     \
    X(PermissionError, OSError)                   \
    X(FileExistsError, OSError)                   \
    X(IsADirectoryError, OSError)                 \
    X(NotADirectoryError, OSError)                \
    X(TimeoutError, OSError)                      \
    X(ConnectionError, OSError)                   \
    X(Warning, Exception)                         \
    X(UserWarning, Warning)                       \
    X(DeprecationWarning, Warning)                \
    X(RuntimeWarning, Warning)                    \
    X(IndentationError, SyntaxError)              \
    X(TabError, IndentationError)                 \
    X(StopAsyncIteration, Exception)              \
    X(BlockingIOError, OSError)                   \
    X(ChildProcessError, OSError)                 \
    X(InterruptedError, OSError)                  \
    X(ProcessLookupError, OSError)                \
    X(BrokenPipeError, ConnectionError)           \
    X(ConnectionAbortedError, ConnectionError)    \
    X(ConnectionRefusedError, ConnectionError)    \
    X(ConnectionResetError, ConnectionError)

typedef enum ExcKind {
#define P4_EXC_ENUM(name, base) EXC_##name,
    P4_EXCEPTIONS(P4_EXC_ENUM)
#undef P4_EXC_ENUM
    EXC__COUNT
} ExcKind;

/* A class. Built-in value types (int, str, list, ...) have value_type set;
 * exception classes have exc set and value_type T_EXCEPTION. A class made
 * by a `class` statement is a Class (vm/class.h) in the heap whose header
 * has TYPE_USER in its flags. */
#define TYPE_USER 0x01
typedef struct TypeObj { /* T_TYPE; static */
    Obj hdr;
    const char *name;
    uint8_t value_type;           /* enum Type of instances */
    int8_t exc;                   /* ExcKind, or -1 */
    const struct TypeObj *base;   /* NULL for object-level roots */
    const Native *ctor;           /* called by cls(...); NULL for exception classes (the
                                     interpreter makes their instances) and uncallable ones */
} TypeObj;

typedef struct TbEntry {
    const struct Code *code;
    uint32_t pc;
} TbEntry;

typedef struct Exception { /* T_EXCEPTION */
    Obj hdr;
    const TypeObj *cls;
    Tuple *args;       /* constructor arguments (may be empty) */
    TbEntry *tb;       /* T_RAW payload, innermost frame last */
    uint32_t ntb, tbcap;
    uint32_t tb_dropped; /* frames not recorded for lack of memory */
    struct Dict *dict;   /* attributes set on the instance, or NULL (vm/class.c) */
    Value cause;         /* __cause__ (raise ... from ...), None when unset */
    Value context;       /* __context__: the exception being handled when this one was raised */
    bool suppress_context; /* `raise ... from ...` hides the context in tracebacks */
} Exception;

/* ---- code and programs ----------------------------------------------------- */

struct P4bCode;
struct P4bModule;

typedef struct Code { /* T_CODE */
    Obj hdr;
    const struct P4bCode *src; /* instructions, exception table, line table */
    struct Program *program;
    Str *name;
    Str *qualname;             /* "A.f", "f.<locals>.g" (format 1.5; name in older files) */
    Str *doc;                  /* the body's docstring (format 1.8), NULL when none: __doc__ is None */
    Tuple *consts;             /* constants as values */
    const uint32_t *insns;
    uint32_t ninsns;
    uint16_t nparams, nlocals, maxstack;
    uint16_t flags;            /* CODE_VARARGS, CODE_VARKW, keyword-only count */
} Code;
#define CODE_JIT_DECLINED 0x01 /* hdr.flags: the JIT takes no call of this code (a generator, given up: src/jit/jit.c) */

typedef struct Program { /* T_PROGRAM: the loaded module */
    Obj hdr;
    struct P4bModule *p4b; /* owned (freed with the VM) */
    Str *filename;
    const char *source;    /* source text for traceback lines, or NULL */
    size_t source_len;
    uint32_t nstrings, nglobals, ncodes;
    Value *strings;   /* T_RAW payload: Str values for the string table */
    Value *globals;   /* T_RAW payload: global slots, T_UNBOUND when unset */
    Value *builtin_of_global; /* T_RAW payload: the builtin a global falls back to, or T_UNBOUND */
    Value *codes;     /* T_RAW payload: Code values */
    /* Code run by exec()/eval() (vm/eval.c, PROGRAM_EXEC in hdr.flags) finds
     * its names in a namespace: a dict, or the Program whose slots it uses;
     * the module body first in ns_locals (a dict or a Program) when bound. */
    Value ns_globals, ns_locals;
    struct Dict *extra_names; /* globals exec() gave this module beyond its slots, or NULL */
    struct Dict *globals_dict; /* what globals() returned for this module, or NULL */
} Program;
#define PROGRAM_EXEC 0x04 /* hdr.flags: made by exec/eval; owns its p4b, freed by the collector */
#define PROGRAM_CONST_SOURCE 0x08 /* hdr.flags: source is const data (vm/frozen_lib.c), not freed */

/* ---- well-known attribute names (qids) ------------------------------------- */

/* Names the runtime looks up as attributes or methods. The loader sets a
 * string's hdr.aux to its qid, so attribute lookup is a switch on a number. */
#define P4_QNAMES(X) \
    X(append) X(pop) X(insert) X(extend) X(index) X(count) X(reverse) X(sort) \
    X(remove) X(clear) X(copy) \
    X(get) X(keys) X(values) X(items) X(update) X(setdefault) \
    X(join) X(format) X(split) X(strip) X(lstrip) X(rstrip) X(startswith) \
    X(endswith) X(upper) X(lower) X(replace) X(find) X(isdigit) X(isalpha) \
    X(isspace) X(encode) X(decode) X(tolist) X(typecode) X(itemsize) \
    X(tobytes) X(frombytes) X(fromlist) X(byteswap) X(buffer_info) \
    X(start) X(stop) X(step) X(args) X(real) X(imag) X(is_integer) \
    X(__name__) \
    /* str/bytes/dict methods of strmethods.c and dict.c */ \
    X(rsplit) X(partition) X(rpartition) X(expandtabs) X(zfill) X(center) X(ljust) X(rjust) \
    X(title) X(capitalize) X(swapcase) X(splitlines) X(rfind) X(rindex) X(isupper) X(islower) \
    X(isnumeric) X(isdecimal) X(isalnum) X(isidentifier) X(istitle) X(isprintable) X(isascii) \
    X(removeprefix) X(removesuffix) X(casefold) X(translate) X(hex) X(popitem) \
    /* modules */ \
    X(sqrt) X(exp) X(log) X(log2) X(log10) X(sin) X(cos) X(tan) X(atan) X(atan2) \
    X(floor) X(ceil) X(pi) X(e) X(inf) X(nan) X(fabs) X(isnan) X(isinf) X(trunc) \
    X(array) X(cycles) X(instret) X(freq) X(jit_info) \
    /* files */ \
    X(read) X(readinto) X(seek) X(tell) X(close) X(readline) X(readlines) X(write) X(writelines) \
    X(flush) \
    /* generators and sets */ \
    X(send) X(throw) X(__next__) X(value) X(add) X(discard) X(union) X(intersection) \
    X(difference) X(symmetric_difference) X(intersection_update) X(difference_update) \
    X(symmetric_difference_update) X(issubset) X(issuperset) X(isdisjoint) \
    /* ints */ \
    X(bit_length) X(bit_count) X(to_bytes) X(from_bytes) X(as_integer_ratio) \
    /* coroutines */ \
    X(__await__)

enum Qid {
#define P4_QID_ENUM(n) Q_##n,
    P4_QNAMES(P4_QID_ENUM)
#undef P4_QID_ENUM
    Q__COUNT
};
extern const char *const qid_names[Q__COUNT];
/* qid of a name, or QID_NONE */
uint16_t qid_lookup(const char *name, uint32_t len);

/* ---- constructors (each returns NULL with MemoryError raised on failure) ---- */

Str *str_new(VM *vm, const char *data, uint32_t len);          /* T_STR, computes STR_ASCII */
Str *str_from_cstr(VM *vm, const char *s);
Str *bytes_new(VM *vm, const uint8_t *data, uint32_t len);     /* T_BYTES */
Tuple *tuple_new(VM *vm, uint32_t len);                        /* items set to None */
List *list_new(VM *vm, uint32_t cap);                          /* len 0 */
Dict *dict_new(VM *vm);
Array *array_new(VM *vm, char typecode, uint32_t len);         /* zeroed; T_ARRAY */
Array *bytearray_new(VM *vm, uint32_t len);                    /* zeroed; T_BYTEARRAY */
Range *range_new(VM *vm, int32_t start, int32_t stop, int32_t step);
Slice *slice_new(VM *vm, Value start, Value stop, Value step);
Iter *iter_new(VM *vm, enum IterKind kind, Value src);
Exception *exc_new(VM *vm, const TypeObj *cls, Tuple *args);
/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): the class
 * CPython picks for that errno when cls is OSError itself, else cls. */
const TypeObj *exc_oserror_class(const TypeObj *cls, const Value *args, int nargs);
/* Such an OSError keeps (errno, strerror) as its args, its filenames as
 * attributes. False when out of memory. */
bool exc_oserror_init(VM *vm, Exception *e);
/* An attribute set on e (its dict), or T_UNBOUND. */
Value exc_attr(const Exception *e, const char *name);
/* The pending Unicode{En,De}codeError's encoding, object, start, end and
 * reason attributes; false (MemoryError pending) when they cannot be made. */
bool exc_set_codec_attrs(VM *vm, const char *encoding, Value object, uint32_t start, uint32_t end,
                         const char *reason);
BoundMethod *boundmethod_new(VM *vm, const Native *m, Value self);

/* ---- operations used by the interpreter (non-fast paths) -------------------- */

/* The binary operator an in-place one computes for numbers (a set changes
 * in place under INPLACE_SUB/AND/OR/XOR; a list under INPLACE_ADD/MUL). */
static inline unsigned binary_of_inplace(unsigned op)
{
    switch (op) {
    case OP_INPLACE_SUB: return OP_BINARY_SUB;
    case OP_INPLACE_AND: return OP_BINARY_AND;
    case OP_INPLACE_OR:  return OP_BINARY_OR;
    case OP_INPLACE_XOR: return OP_BINARY_XOR;
    default:             return op;
    }
}

/* vm_binary_op's op with this bit: a BINARY_* under an augmented
 * assignment (BINARY_ARG_INPLACE), where an instance's __i*__ comes first. */
#define VM_OP_INPLACE 0x100u

/* ops.c: arithmetic on numbers and the operators of every type.
 * op is the BINARY_* / INPLACE_* opcode, perhaps with VM_OP_INPLACE. */
bool vm_binary_op(VM *vm, unsigned op, Value a, Value b, Value *out);
bool vm_unary_op(VM *vm, unsigned op, Value a, Value *out);
/* op is the COMPARE_* opcode; out is a bool (or raises TypeError for < on
 * unorderable types). */
bool vm_compare(VM *vm, unsigned op, Value a, Value b, Value *out);
/* a == b by Python rules (1 == 1.0 == True, containers elementwise). */
bool vm_equal(VM *vm, Value a, Value b, bool *out);
/* a < b by Python rules; used by sort/min/max. */
bool vm_less(VM *vm, Value a, Value b, bool *out);
bool vm_truthy(Value v);
/* int(f): truncates; ValueError for NaN, OverflowError beyond 32 bits. */
bool float_to_int(VM *vm, float f, int32_t *out);
float float_floor_mod(float a, float b, bool want_mod); /* a // b or a % b, b != 0 */
bool float_pow_raises(float a, float b);              /* a ** b raises */
/* hash of a hashable value; TypeError "unhashable type: 'list'" */
bool vm_hash(VM *vm, Value v, uint32_t *out);

/* containers (list.c, tuple.c, dict.c, str.c, array.c, iter.c) */
bool vm_getitem(VM *vm, Value obj, Value key, Value *out);
bool vm_long_index_error(VM *vm, Value key, const char *what); /* an index beyond 32 bits: IndexError */
bool vm_setitem(VM *vm, Value obj, Value key, Value value);
bool vm_delitem(VM *vm, Value obj, Value key);
bool vm_contains(VM *vm, Value container, Value item, bool *out);
bool vm_len(VM *vm, Value obj, int32_t *out);
bool vm_getiter(VM *vm, Value obj, Value *out);
/* Returns 1 and *out = next item, 0 when exhausted, -1 on error. */
int vm_iternext(VM *vm, Value iter, Value *out);
/* vm_iternext that also gives, at the end (0), the value of the StopIteration
 * that ended it (None when there was none): what `yield from` returns. */
int vm_iternext_stop(VM *vm, Value iter, Value *out, Value *stop);
/* vm_iternext, but a StopIteration raised inside stays raised (-1), as an
 * iterator of iterators (enumerate, zip, map) and next() pass it on. */
int vm_iternext_raw(VM *vm, Value iter, Value *out);
/* Unpacks exactly n items of an iterable into out[0..n) (out must be rooted
 * storage, e.g. VM stack slots). ValueError on a count mismatch. */
bool vm_unpack(VM *vm, Value seq, uint32_t n, Value *out);

bool list_append(VM *vm, List *l, Value v);
bool dict_delete(VM *vm, Dict *d, Value key); /* KeyError when missing */
int64_t range_len(const Range *r);
/* The index of int v in r, or -1 when r does not hold it. */
int64_t range_index_of(const Range *r, int64_t v);
uint32_t array_itemsize(const Array *a);
bool list_extend(VM *vm, List *l, Value iterable);
bool dict_get(VM *vm, Dict *d, Value key, Value *out, bool *found);
bool dict_set(VM *vm, Dict *d, Value key, Value value);
bool dict_set_cstr(VM *vm, Dict *d, const char *key, Value value); /* d[key] = value, value kept alive */
/* dict(m) for a mapping m that is not a dict (keys() and __getitem__);
 * *is_mapping false when m has no keys. */
bool dict_update_mapping(VM *vm, Dict *d, Value src, bool *is_mapping);
/* a | b and a |= b for a dict a */
bool dict_union(VM *vm, Dict *a, Value b, bool inplace, Value *out);

/* Attributes (attr.c): obj.name by qid; methods of built-in types are static
 * Natives. vm_load_method writes the callable and self (T_UNBOUND when the
 * callable needs no self) for CALL_METHOD. */
bool vm_load_attr(VM *vm, Value obj, Str *name, Value *out);
/* The same for the interpreter's instructions, with the site's inline cache
 * (struct AttrCache, vm.h): the same results, faster when the hint holds. */
bool vm_load_attr_cached(VM *vm, Value obj, Str *name, const uint32_t *site, Value *out);
bool vm_load_method_cached(VM *vm, Value obj, Str *name, const uint32_t *site, Value out[2]);
bool vm_store_attr_cached(VM *vm, Value obj, Str *name, const uint32_t *site, Value value);
bool vm_load_method(VM *vm, Value obj, Str *name, Value out[2]);
/* obj.name = value and del obj.name for any value (vm/class.c): instances,
 * user classes (and their properties); AttributeError/TypeError otherwise.
 * name need not carry a qid: getattr/setattr/delattr may pass any str. */
bool vm_store_attr(VM *vm, Value obj, Str *name, Value value);
bool vm_delete_attr(VM *vm, Value obj, Str *name);
/* The method table of a value type: Natives whose first argument is self. */
typedef struct MethodEntry {
    uint16_t qid;
    const Native *fn;
} MethodEntry;
extern const MethodEntry str_methods[], list_methods[], dict_methods[], bytes_methods[],
    array_methods[], tuple_methods[], range_methods[], float_methods[], file_methods[], int_methods[];
extern const uint32_t n_str_methods, n_list_methods, n_dict_methods, n_bytes_methods,
    n_array_methods, n_tuple_methods, n_range_methods, n_float_methods, n_file_methods, n_int_methods;
/* array.array's own methods (pop, index, tobytes, ...), after array_methods
 * (which bytearray shares) */
extern const MethodEntry array_own_methods[];
extern const uint32_t n_array_own_methods;
/* bytearray's bytes methods (vm/bytearray.c), after array_methods */
extern const MethodEntry bytearray_methods[];
extern const uint32_t n_bytearray_methods;
/* bytes(s, encoding[, errors]), bytearray(...) (vm/str.c) */
bool bytes_from_str_args(VM *vm, Value *args, int nargs, Tuple *kw, bool mutable_, Value *out);
/* vm/bytearray.c: bytes, bytearray and array as byte buffers. byte_buffer:
 * their bytes; bytes_concat_buffers: bytes/bytearray + any of them (-1: not
 * such operands, else 1 or 0 with an exception); bytes_order_buffers:
 * bytes/bytearray ordering (1 and *out -1/0/1, or 0: not such operands). */
bool byte_buffer(Value v, const uint8_t **data, uint32_t *len);
int bytes_concat_buffers(VM *vm, Value a, Value b, bool inplace, Value *out);
int bytes_order_buffers(Value a, Value b, int *out);
/* vm/dunder.c: obj.__getitem__, obj.__add__, ... of a built-in value: 1 (a
 * bound method in *out), 0 (error raised) or -1 (it has no such attribute). */
int builtin_dunder_attr(VM *vm, Value obj, const Str *name, Value *out);
/* The same taken from a built-in type (list.__getitem__, int.__add__): the
 * native, called with the object first, or NULL when the type has none;
 * *none when CPython's attribute is None (list.__hash__). */
const Native *builtin_dunder_of_type(const TypeObj *t, const Str *name, bool *none);
/* int.from_bytes (a class method: called without self) */
/* cls.from_bytes bound to cls: int, bool or a subclass of int (intmethods.c). */
bool int_from_bytes_of(VM *vm, Value cls, Value *out);

/* Text (format.c). A StrBuf grows in malloc'd memory (not the object heap),
 * so building text never triggers a collection. */
typedef struct StrBuf {
    char *data;
    uint32_t len, cap;
    bool oom;
} StrBuf;
void sb_init(StrBuf *sb);
void sb_free(StrBuf *sb);
void sb_add(StrBuf *sb, const char *s, uint32_t len);
void sb_addc(StrBuf *sb, char c);
void sb_adds(StrBuf *sb, const char *s);
/* Converts to a heap Str and frees the buffer; MemoryError if sb->oom. */
Str *sb_to_str(VM *vm, StrBuf *sb);

/* Appends repr(v) or str(v); may fail (e.g. nesting too deep: RecursionError). */
bool fmt_repr(VM *vm, StrBuf *sb, Value v);
/* repr(v) with non-ASCII characters escaped: ascii(), %a, !a (vm/percent.c) */
bool add_ascii_repr(VM *vm, StrBuf *sb, Value v);
bool fmt_str(VM *vm, StrBuf *sb, Value v);
/* Shortest text that reads back as the same float32, Python-repr style. */
void fmt_float(StrBuf *sb, float f);
/* snprintf "%.*f", rounded correctly also by the firmware's C library */
void fmt_fixed(char *buf, size_t size, double x, int prec);
/* format(value, spec) per Python's format-spec mini-language. */
bool fmt_format(VM *vm, StrBuf *sb, Value v, const char *spec, uint32_t speclen);
Str *vm_repr(VM *vm, Value v);
Str *vm_str(VM *vm, Value v);
/* Python type name of a value: "int", "list", "NoneType", ... */
const char *type_name(Value v);

/* match.c: the match statement's instructions (opcodes.h). match_keys and
 * match_class take their operands in io[] (stack slots) and leave the
 * result in io[0]. */
bool match_is_sequence(Value v);
bool match_is_mapping(Value v);
bool match_keys(VM *vm, Value *io);
bool match_class(VM *vm, uint32_t npos, Value *io);
/* funcattr.c: a function's attributes the program set. function_attr: 1
 * found, 0 raised, -1 none; function_store_attr: value T_UNBOUND deletes. */
int function_attr(VM *vm, Function *f, Str *name, Value *out);
bool function_store_attr(VM *vm, Function *f, Str *name, Value value);

/* ---- helpers shared between files -------------------------------------------- */

/* str.c: strings (T_STR) and bytes (T_BYTES) share the Str layout. */
bool str_getitem(VM *vm, Str *s, Value key, Value *out);   /* index or slice */
bool str_contains(VM *vm, Str *hay, Value needle, bool *out);
Str *str_concat(VM *vm, Str *a, Str *b);                     /* same type as a */
Str *str_repeat(VM *vm, Str *s, int32_t n);
int str_compare(const Str *a, const Str *b);                 /* <0, 0, >0 (byte order) */
bool str_equal(const Str *a, const Str *b);
uint32_t str_hash(Str *s);                                   /* cached in s->hash */
uint32_t str_charlen(const Str *s);                          /* len(): code points for str */
/* int(s) / float(s) parsing with Python's rules (whitespace, underscores, sign);
 * ValueError with CPython's message on bad input; any size (T_LONG past 32 bits). */
bool str_to_int(VM *vm, const Str *s, int base, Value *out);
bool str_to_float(VM *vm, const Str *s, float *out);

/* list.c / tuple.c / array.c: sequence operators used by ops.c */
bool seq_concat(VM *vm, Value a, Value b, Value *out);  /* list+list, tuple+tuple, array+array */
bool seq_repeat(VM *vm, Value seq, int32_t n, Value *out);
bool list_inplace_concat(VM *vm, List *l, Value other); /* l += iterable */
bool list_inplace_repeat(VM *vm, List *l, int32_t n);   /* l *= n */
bool array_inplace_concat(VM *vm, Array *a, Value b);  /* array += array, in place */
bool array_inplace_repeat(VM *vm, Array *a, int32_t n); /* array or bytearray *= n, in place */
/* Normalises a slice against a length (Python's slice.indices). */
bool slice_indices(VM *vm, const Slice *s, int32_t len, int32_t *start, int32_t *stop,
                   int32_t *step, int32_t *count);
/* Reads element i (in range) of an array as a Value; OverflowError for an
 * 'I' element above 2**31-1. */
bool array_get(VM *vm, const Array *a, uint32_t i, Value *out);
/* Stores v into element i (in range), checking type and range
 * (OverflowError "signed char is greater than maximum" like CPython). */
bool array_set(VM *vm, Array *a, uint32_t i, Value v);

/* ---- native library modules and their objects ----------------------------- */

/* Kinds of T_LIBOBJ (hdr.aux) */
enum LibKind {
    LIB_STDIO,    /* sys.stdout / sys.stderr: slot 0 = fd */
    LIB_STRINGIO, /* io.StringIO: pieces, position, closed (vm/iomod.c) */
    LIB_OBJECT,   /* object(): no slots */
    LIB_NAMESPACE,/* attributes from a dict (slot 0): sys.implementation */
    LIB_CODE,     /* compile()'s result: slot 0 = the .p4b image (bytes), 1 = mode (vm/eval.c) */
    LIB_WEAKREF,  /* weakref.ref: slot 0 = the object, not marked (vm/weakrefmod.c), 1 = callback */
    LIB_FINALIZE, /* weakref.finalize: slot 0 as for LIB_WEAKREF, then func, args, kwargs, atexit */
    LIB_OPGETTER, /* operator.itemgetter, attrgetter, methodcaller (vm/opgetters.c) */
    LIB__COUNT
};
/* hdr.flags of LIB_WEAKREF and LIB_FINALIZE */
#define WEAK_PENDING 0x01 /* the object died: the callback waits (vm/gc.c queues, weakrefmod.c runs) */
#define WEAK_ALIVE   0x02 /* finalize: not yet run nor detached */
bool weakref_store_attr(VM *vm, Value obj, Str *name, Value value); /* finalize.atexit = v */
LibObj *libobj_new(VM *vm, enum LibKind kind, uint32_t nslots); /* slots None */
const char *libobj_type_name(const LibObj *o);
bool libobj_attr(VM *vm, Value obj, Str *name, Value *out);       /* attr.c calls it */
int lib_iternext(VM *vm, Iter *it, Value *out);                   /* vm/iterfuncs.c */
bool sysexit_code(VM *vm, Exception *e, Value *out);              /* SystemExit.code */
/* sys.argv: the program's path and its arguments (the C strings must outlive
 * the run); called by the command line before the program runs */
void sys_set_argv(int argc, char **argv);
/* For an uncaught exception: -1 unless it is SystemExit; else the exit status
 * (its message, if any, printed to stderr as CPython does) */
int vm_exit_status(VM *vm, Value exc);
/* print(..., file=f): writes the text to f (vm/iomod.c) */
bool lib_print_to(VM *vm, Value file, const char *data, uint32_t len);
bool module_search_dirs(VM *vm, List *out); /* sys.path (vm/module.c) */
/* cls.name for a built-in class: 1 found, 0 raised, -1 no such attribute (types.c) */
int type_attr(VM *vm, const TypeObj *cls, Str *name, Value *out);
/* For list.append and the others (a method of a built-in type taken from the
 * type, vm/types.c): the method and its type; else NULL. */
const Native *type_unbound_method(const BoundMethod *b, const TypeObj **owner);
extern const Native dict_fromkeys; /* dict.c */
/* collections.deque (vm/collections.c): its own methods before the list's */
const Native *deque_method(const Str *name);
int deque_attr(VM *vm, Value obj, Str *name, Value *out); /* 1 found, 0 raised, -1 none */
/* +, +=, *, *= with a deque: 1 done, 0 raised, -1 not a deque operation */
int deque_binary_op(VM *vm, unsigned op, Value a, Value b, Value *out);
extern const Native bi_deque;
extern const TypeObj type_deque;
/* str % args and bytes % args (vm/percent.c) */
bool percent_format(VM *vm, Value fmt, Value args, Value *out);
/* A value kept per VM for a library module (vm->libstate), made by make the
 * first time */
bool libstate_get(VM *vm, const char *key, bool (*make)(VM *vm, Value *out), Value *out);

/* ---- built-in classes and functions ---------------------------------------- */

extern const TypeObj type_int, type_float, type_bool, type_str, type_bytes, type_bytearray,
    type_tuple, type_list, type_dict, type_range, type_NoneType, type_array, type_function,
    type_slice, type_object, type_type, type_generator, type_builtin_function, type_method;
extern const TypeObj exc_types[EXC__COUNT];
extern const Module module_math, module_array, module_p4, module_sys, module_struct, module_random,
    module_time, module_collections, module_functools, module_io, module_os;

/* The builtins table (builtins.c): name -> value, for LOAD_GLOBAL's fallback. */
typedef struct BuiltinEntry {
    const char *name;
    const Obj *obj;
} BuiltinEntry;
extern const BuiltinEntry builtin_table[];
extern const uint32_t builtin_count;
/* isinstance(v, cls) for a single class */
bool type_isinstance(Value v, const TypeObj *cls);
/* issubclass(t, cls): along the MRO of a user class, the base chain otherwise. */
bool type_is_subclass(const TypeObj *t, const TypeObj *cls);
/* The class of a value (for printing exception names and isinstance). */
const TypeObj *type_of(Value v);
/* The class of an iterator or dict view (vm/itertypes.c). */
const TypeObj *iter_type_of(Value v);
extern const TypeObj type_map, type_filter, type_zip, type_enumerate, type_reversed;
/* Built-in module by name, or NULL. */
const Module *module_find(const char *name, uint32_t len);

/* Built-in functions; each file defines its own with NATIVE(). */
extern const Native bi_print, bi_repr, bi_str, bi_int, bi_float, bi_ord, bi_chr, bi_hex,
    bi_oct, bi_bin, bi_format;                                                              /* text: str.c, format.c */
extern const Native bi_len, bi_range, bi_min, bi_max, bi_sum, bi_sorted, bi_reversed, bi_list,
    bi_tuple, bi_dict, bi_enumerate, bi_zip, bi_bytes, bi_bytearray, bi_array; /* containers */
extern const Native bi_abs, bi_divmod, bi_pow, bi_round, bi_isinstance, bi_bool,
    bi_hash, bi_type;                                                                /* builtins.c */
extern const Native bi_iter, bi_next, bi_map, bi_filter, bi_any, bi_all, bi_callable, bi_id,
    bi_getattr, bi_hasattr, bi_setattr, bi_delattr, bi_slice, bi_ascii;             /* iterfuncs.c, types.c */
extern const Native bi_open;                                                         /* file.c */
const char *file_type_name(Value f);                 /* _io.BufferedReader, ... (file.c) */
const TypeObj *file_type(Value f);                   /* its class, for type() (file.c) */
extern const TypeObj type_TextIOWrapper;
extern const TypeObj type_StringIO;          /* io.StringIO (iomod.c) */
const TypeObj *stringio_type(Value v);       /* its class, or NULL for a text file opened 'r' */
int file_data_attr(Value f, const Str *name, Value *out); /* f.closed: 1 found, -1 none */
extern const Native bi_dir, bi_vars; /* dirfn.c */
/* The method tables of the built-in type whose values have type code t
 * (at most two: tables[i] of counts[i] entries); their number (attr.c). */
unsigned attr_method_tables(unsigned type, const MethodEntry **tables, uint32_t *counts);
extern const Native bi_exec, bi_eval, bi_compile, bi_globals, bi_locals, bi_display, bi___import__;  /* eval.c */

#endif
