# p4: deviation (P4JIT reports a syntax error of a module in the message: file, line, column)
import mod_syntax
