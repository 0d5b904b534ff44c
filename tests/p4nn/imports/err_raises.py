# p4: deviation (CPython names the module by its absolute path; NAME.err is its stderr with the directory removed)
import mod_raises
