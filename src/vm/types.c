/*
 * types.c - the built-in classes of values and isinstance().
 */
#include "vm/vm.h"

#define TYPE(cname, pyname, vtype, ctor) \
    const TypeObj cname = {{0, T_TYPE, 0, 0}, pyname, vtype, -1, NULL, ctor}

TYPE(type_int, "int", T_INT, &bi_int);
TYPE(type_float, "float", T_FLOAT, &bi_float);
TYPE(type_str, "str", T_STR, &bi_str);
TYPE(type_bytes, "bytes", T_BYTES, &bi_bytes);
TYPE(type_bytearray, "bytearray", T_BYTEARRAY, &bi_bytearray);
TYPE(type_tuple, "tuple", T_TUPLE, &bi_tuple);
TYPE(type_list, "list", T_LIST, &bi_list);
TYPE(type_dict, "dict", T_DICT, &bi_dict);
TYPE(type_range, "range", T_RANGE, &bi_range);
TYPE(type_NoneType, "NoneType", T_NONE, NULL);
TYPE(type_array, "array", T_ARRAY, &bi_array);
TYPE(type_function, "function", T_FUNCTION, NULL);
TYPE(type_slice, "slice", T_SLICE, NULL);
/* bool is a subclass of int, as in Python */
const TypeObj type_bool = {{0, T_TYPE, 0, 0}, "bool", T_BOOL, -1, &type_int, &bi_bool};

const TypeObj *type_of(Value v)
{
    switch ((Type)v.type) {
    case T_NONE:      return &type_NoneType;
    case T_BOOL:      return &type_bool;
    case T_INT:
    case T_LONG:      return &type_int;
    case T_FLOAT:     return &type_float;
    case T_STR:       return &type_str;
    case T_BYTES:     return &type_bytes;
    case T_BYTEARRAY: return &type_bytearray;
    case T_TUPLE:     return &type_tuple;
    case T_LIST:      return &type_list;
    case T_DICT:      return &type_dict;
    case T_RANGE:     return &type_range;
    case T_SLICE:     return &type_slice;
    case T_ARRAY:     return &type_array;
    case T_FUNCTION:  return &type_function;
    case T_EXCEPTION: return AS(Exception, v)->cls;
    default:          return NULL; /* no class object for natives, iterators, ... */
    }
}

bool type_isinstance(Value v, const TypeObj *cls)
{
    for (const TypeObj *t = type_of(v); t; t = t->base)
        if (t == cls)
            return true;
    return false;
}
