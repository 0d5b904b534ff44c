# examples/mnist.py with models/convgap_mnist.p4nn on models/mnist_test1000-*.idx (run from the
# repository's root):
#   p4jit run --on p4sim -X path=examples/mnist_paths/convgap_mnist examples/mnist.py
MODEL = "models/convgap_mnist.p4nn"
IMAGES = "models/mnist_test1000-images.idx"
LABELS = "models/mnist_test1000-labels.idx"
COUNT = 100
FLOAT = "models/convgap_mnist_mnist_test1000-float.idx"
