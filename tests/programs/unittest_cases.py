# unittest: TestCase's assertions and their messages, fixtures, skips,
# expected failures, subTest, cleanups, suites and the text runner's report
import unittest


class Stream:
    """Collects what the runner writes."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass

    def lines(self):
        return "".join(self.parts).split("\n")


def report(stream):
    """The runner's output without traceback bodies and timing."""
    lines = stream.lines()
    body = True
    for line in lines:
        if line.startswith("=" * 70):
            body = False
            continue
        if line.startswith("-" * 70):
            body = True
            continue
        if line.startswith(("ERROR:", "FAIL:", "UNEXPECTED SUCCESS:")):
            print("  |", line)
            continue
        if not body or line.startswith(("  File ", "    ")):
            continue  # tracebacks: CPython's hold frames of unittest itself
        if line.startswith("Ran "):
            line = line.split(" in ")[0]
        print("  |", line)


def first_line(e):
    return str(e).split("\n")[0]


# ---- assertion messages ---------------------------------------------------
t = unittest.TestCase()
cases = [
    ("assertEqual", (1, 2)), ("assertEqual", ("a", "b")), ("assertEqual", ([1, 2], [1, 3])),
    ("assertEqual", ((1,), (2,))), ("assertEqual", ({"a": 1}, {"a": 2})), ("assertEqual", (1, 1.5, "why")),
    ("assertEqual", ({1, 2}, {1, 3})), ("assertEqual", (1, "1")),
    ("assertNotEqual", (3, 3)), ("assertTrue", (0,)), ("assertTrue", ([],)), ("assertFalse", ("x",)),
    ("assertIs", (None, 0)), ("assertIsNot", (None, None)), ("assertIsNone", (5,)),
    ("assertIsNotNone", (None,)), ("assertIn", (4, [1, 2])), ("assertIn", ("z", "abc")),
    ("assertNotIn", (1, (1, 2))), ("assertIsInstance", (1, str)), ("assertNotIsInstance", ("s", str)),
    ("assertGreater", (1, 2)), ("assertGreaterEqual", (1, 2)), ("assertLess", (2, 1)),
    ("assertLessEqual", (3, 1)), ("assertAlmostEqual", (1.0, 1.5)), ("assertAlmostEqual", (1, 2, 0)),
    ("assertAlmostEqual", (100, 100.25, 0)), ("assertNotAlmostEqual", (2.0, 2.0)),
    ("assertNotAlmostEqual", (2, 3)),
    ("assertCountEqual", ([1, 2, 2], [2, 1, 2])), ("assertCountEqual", ([1, 1, 2], [1, 2, 3])),
    ("assertTrue", (False, "custom")), ("assertEqual", (2, 2)), ("assertIn", (1, {1: 2})),
]
for name, args in cases:
    try:
        getattr(t, name)(*args)
        print(name, args, "passes")
    except AssertionError as e:
        print(name, args, "->", first_line(e))
try:
    t.assertAlmostEqual(1.0, 1.5, delta=0.25)
except AssertionError as e:
    print("delta ->", first_line(e))
t.assertAlmostEqual(1.0, 1.2, delta=0.25)
try:
    t.fail("stop")
except AssertionError as e:
    print("fail ->", e)
t.longMessage = False
try:
    t.assertEqual(1, 2, "only mine")
except AssertionError as e:
    print("longMessage False ->", e)

# assertRaises as a context manager and with a callable
with t.assertRaises(ZeroDivisionError) as cm:
    1 / 0
print(type(cm.exception).__name__, cm.exception)
with t.assertRaises((KeyError, IndexError)):
    [][1]
for body in (lambda: None, lambda: int("x")):
    try:
        with t.assertRaises(TypeError):
            body()
    except AssertionError as e:
        print("assertRaises ->", e)
    except ValueError as e:
        print("passes through:", type(e).__name__, e)
t.assertRaises(ValueError, int, "x")


def quiet():
    return 1


try:
    t.assertRaises(ValueError, quiet)
except AssertionError as e:
    print("callable ->", e)


# ---- a test class run by the runner ----------------------------------------
events = []


class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, n):
        if n > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= n
        return self.balance


class TestAccount(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        events.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        events.append("tearDownClass")

    def setUp(self):
        self.acct = Account(100)
        events.append("setUp")

    def tearDown(self):
        events.append("tearDown")

    def test_withdraw(self):
        self.assertEqual(self.acct.withdraw(30), 70)

    def test_overdraw(self):
        with self.assertRaises(ValueError):
            self.acct.withdraw(500)

    def test_wrong_balance(self):
        self.acct.withdraw(1)
        self.assertEqual(self.acct.balance, 100, "after one withdrawal")

    def test_crash(self):
        self.acct.deposit(5)

    @unittest.skip("needs hardware")
    def test_sensor(self):
        pass

    @unittest.skipIf(1 < 2, "condition holds")
    def test_skip_if(self):
        pass

    @unittest.skipUnless(1 < 2, "never shown")
    def test_skip_unless_runs(self):
        self.assertTrue(True)

    @unittest.expectedFailure
    def test_known_bug(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_fixed_bug(self):
        pass

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    def test_cleanup(self):
        self.addCleanup(events.append, "cleanup 1")
        self.addCleanup(events.append, "cleanup 2")

    def test_skip_inside(self):
        self.skipTest("decided at run time")

    def helper(self):
        raise RuntimeError("not a test")


@unittest.skip("whole class")
class TestSkipped(unittest.TestCase):
    def test_a(self):
        pass


for verbosity in (1, 2):
    stream = Stream()
    events.clear()
    suite = unittest.TestLoader().loadTestsFromTestCase(TestAccount)
    print("tests:", suite.countTestCases(), [str(x) for x in suite][:2])
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    report(stream)
    print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
          len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
    print([str(test) for test, _ in result.failures])
    print([text.strip().split("\n")[-1] for _, text in result.failures + result.errors])
    print(sorted(set(events)), events.count("setUp"), events.count("tearDown"), events[0], events[-1])

# a suite of two classes, one skipped; a passing run
stream = Stream()
suite = unittest.TestSuite()
suite.addTest(TestAccount("test_withdraw"))
suite.addTests(unittest.TestLoader().loadTestsFromTestCase(TestSkipped))
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
report(stream)
print(result.wasSuccessful(), result.skipped[0][1], repr(TestAccount("test_crash")), TestAccount("test_crash").id())
try:
    TestAccount("test_nothing")
except ValueError as e:
    print("ValueError", e)

# main() with exit=False runs the tests of the main program
stream = Stream()
prog = unittest.main(argv=["prog", "TestAccount.test_withdraw", "TestAccount.test_subtests"],
                     testRunner=unittest.TextTestRunner(stream=stream, verbosity=2), exit=False)
report(stream)
print(prog.result.testsRun, prog.result.wasSuccessful())
