"""The main part's calls of library-style kernels, for the generators that
write them (gen_p4nn.py, gen_vec3.py, gen_vec4.py; genprog.py's jit/random).
"""


def kernel_calls(r, names, call):
    """Statements calling each kernel in names with 1 to 3 random shapes:
    call(name) gives (declarations, the call's text, output arrays); the
    result or the exception is printed, then every output array whole."""
    out = []
    for k in names:
        for call_no in range(r.choice([1, 2, 3])):
            decl, text, outs = call(k)
            stmt = decl + ["try:",
                           "    print('%s', %d, %s)" % (k, call_no, text),
                           "except Exception as e:",
                           "    print('%s', %d, type(e).__name__, e)" % (k, call_no)]
            for o in outs:
                stmt.append("print(list(%s))" % o)
            out.append(stmt)
    return out
