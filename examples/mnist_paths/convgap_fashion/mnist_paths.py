# examples/mnist.py with models/convgap_fashion.p4nn on models/fashion_test300-*.idx (run from the
# repository's root):
#   p4jit run --on p4sim -X path=examples/mnist_paths/convgap_fashion examples/mnist.py
MODEL = "models/convgap_fashion.p4nn"
IMAGES = "models/fashion_test300-images.idx"
LABELS = "models/fashion_test300-labels.idx"
COUNT = 100
FLOAT = "models/convgap_fashion_fashion_test300-float.idx"
