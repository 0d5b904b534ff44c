# p4: deviation (CPython names the module by its absolute path; NAME.err is its stderr with the directory removed)
x = 1
import mod_missing_nowhere
