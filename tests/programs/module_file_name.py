# __file__ names the running program's source file (P4JIT: the path as
# given on the command line; CPython: the absolute path).
print("__file__" in globals(), __file__.endswith("module_file_name.py"))
print(__file__.replace("\\", "/").split("/")[-1], __name__)
# sys.path[0] is the program's directory ("." when run from it): a file
# beside the program opens through it
import sys
with open(sys.path[0] + "/module_file_name.py") as f:
    print(f.readline().rstrip())
