import math
import nosuchmodule
