"""unittest for P4JIT: TestCase with the common assertions, skips and
expected failures, subTest, cleanups, suites, a text runner and main(),
reporting as CPython 3.11's does.

Frozen into the runtime (scripts/freeze_lib.py -> src/vm/frozen_lib.c).
What differs from CPython's (docs/language.md): failure messages give the
first line of CPython's (no diffs of long sequences or strings), and the
text of a failure holds the exception line only; main() prints the whole
traceback on stderr. No assertWarns, assertLogs, assertRaisesRegex, mocks,
test discovery in packages, or command-line options beyond -v and -q and
the names of tests to run.
"""
import sys
import time

__all__ = ["TestCase", "TestSuite", "TestResult", "TextTestResult", "TextTestRunner", "TestLoader",
           "SkipTest", "skip", "skipIf", "skipUnless", "expectedFailure", "main", "defaultTestLoader"]


class SkipTest(Exception):
    pass


class _ShouldStop(Exception):
    pass


# What the decorators marked: kept here, as a P4JIT function takes no
# attributes (CPython sets __unittest_skip__ and friends on it).
_skip_why = {}
_expecting_failure = {}


def _mark(table, test_item, value):
    if isinstance(test_item, type):
        setattr(test_item, "_unittest_mark_%d" % id(table), value)
    else:
        table[test_item] = value
    return test_item


def _marked(table, cls, name=None):
    """The mark of class cls (name None) or of its method name, else None."""
    if name is None:
        return getattr(cls, "_unittest_mark_%d" % id(table), None)
    for klass in cls.__mro__:
        space = _class_dict(klass)
        if name in space:
            try:
                return table.get(space[name])
            except TypeError:  # unhashable
                return None
    return None


def skip(reason):
    def decorate(test_item):
        return _mark(_skip_why, test_item, reason)
    if callable(reason) and not isinstance(reason, str):  # @skip without a reason
        test_item, reason = reason, ""
        return decorate(test_item)
    return decorate


def _keep(test_item):
    return test_item


def skipIf(condition, reason):
    return skip(reason) if condition else _keep


def skipUnless(condition, reason):
    return _keep if condition else skip(reason)


def expectedFailure(test_item):
    return _mark(_expecting_failure, test_item, True)


def _class_dict(cls):
    if cls is object:  # P4JIT's object has no __dict__
        return {}
    return cls.__dict__


def _class_name(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def _exc_line(exc):
    cls = type(exc)
    name = getattr(cls, "__qualname__", cls.__name__)
    module = getattr(cls, "__module__", "builtins")
    if module not in ("builtins", "__main__"):
        name = module + "." + name
    text = str(exc)
    return "%s: %s" % (name, text) if text else name


def _format_exc(exc):
    return "Traceback (most recent call last):\n%s\n" % _exc_line(exc)


_MISSING = object()


class _RaisesContext:
    def __init__(self, expected, test_case, msg=None, callable_name=None):
        self.expected = expected
        self.test_case = test_case
        self.msg = msg
        self.callable_name = callable_name
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            try:
                name = self.expected.__name__
            except AttributeError:
                name = str(self.expected)
            if self.callable_name:
                standard = "%s not raised by %s" % (name, self.callable_name)
            else:
                standard = "%s not raised" % name
            raise self.test_case.failureException(self.test_case._formatMessage(self.msg, standard))
        if not issubclass(exc_type, self.expected):
            return False  # an unexpected exception goes on
        self.exception = exc_value
        return True


class _SubTest:
    def __init__(self, test_case, msg, params):
        self.test_case = test_case
        self._message = msg
        self.params = params
        self.failureException = test_case.failureException

    def _subDescription(self):
        parts = []
        if self._message is not _MISSING:
            parts.append("[%s]" % (self._message,))
        if self.params:
            parts.append("(%s)" % ", ".join("%s=%r" % (k, v) for k, v in self.params.items()))
        return " ".join(parts) or "(<subtest>)"

    def id(self):
        return "%s %s" % (self.test_case.id(), self._subDescription())

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return "%s %s" % (self.test_case, self._subDescription())


class _SubTestContext:
    def __init__(self, test_case, sub):
        self.test_case = test_case
        self.sub = sub

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc_value, tb):
        case = self.test_case
        case._subtests.append(self.sub)
        if exc_type is None:
            return False
        if issubclass(exc_type, SkipTest):
            case._result.addSkip(self.sub, str(exc_value))
            return True
        if not issubclass(exc_type, Exception):
            return False
        case._subtest_failed = True
        case._result.addSubTest(case, self.sub, exc_value)
        return True


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._cleanups = []
        self._subtests = []
        self._subtest_failed = False
        self._result = None
        if methodName != "runTest" and getattr(self, methodName, None) is None:
            raise ValueError("no such test method in %s: %s" % (type(self), methodName))

    # ---- fixtures
    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        ok = True
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            try:
                function(*args, **kwargs)
            except Exception as e:
                ok = False
                self._result.addError(self, e)
        return ok

    # ---- identity
    def id(self):
        return "%s.%s" % (_class_name(type(self)), self._testMethodName)

    def shortDescription(self):
        doc = getattr(getattr(self, self._testMethodName, None), "__doc__", None)
        return doc.strip().split("\n")[0].strip() if doc else None

    def __str__(self):
        return "%s (%s.%s)" % (self._testMethodName, _class_name(type(self)), self._testMethodName)

    def __repr__(self):
        return "<%s testMethod=%s>" % (_class_name(type(self)), self._testMethodName)

    def __eq__(self, other):
        return type(self) is type(other) and self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def countTestCases(self):
        return 1

    # ---- running
    def skipTest(self, reason):
        raise SkipTest(reason)

    def subTest(self, msg=_MISSING, **params):
        return _SubTestContext(self, _SubTest(self, msg, params))

    def _part(self, result, fn, expecting_failure):
        """Runs one part (setUp, the test, tearDown): (ok, skipped, exception
        that an expected failure was)."""
        try:
            fn()
            return True, None
        except SkipTest as e:
            result.addSkip(self, str(e))
            return False, "skip"
        except KeyboardInterrupt:
            raise
        except Exception as e:
            if expecting_failure:
                return False, e
            if isinstance(e, self.failureException):
                result.addFailure(self, e)
            else:
                result.addError(self, e)
            return False, "reported"

    def run(self, result=None):
        if result is None:
            result = TestResult()
        self._result = result
        self._subtests = []
        self._subtest_failed = False
        result.startTest(self)
        try:
            method = getattr(self, self._testMethodName)
            cls = type(self)
            why = _marked(_skip_why, cls)
            if why is None:
                why = _marked(_skip_why, cls, self._testMethodName)
            if why is not None:
                result.addSkip(self, why)
                return result
            expecting = bool(_marked(_expecting_failure, cls) or
                             _marked(_expecting_failure, cls, self._testMethodName))
            ok, what = self._part(result, self.setUp, False)
            expected_exc = None
            if ok:
                ok, what = self._part(result, method, expecting)
                if not ok and what not in ("skip", "reported"):
                    expected_exc = what
                tear_ok, tear_what = self._part(result, self.tearDown, False)
                if ok and not tear_ok:
                    ok = False
            cleanups_ok = self.doCleanups()
            if expected_exc is not None:
                result.addExpectedFailure(self, expected_exc)
            elif ok and cleanups_ok and not self._subtest_failed:
                if expecting:
                    result.addUnexpectedSuccess(self)
                else:
                    result.addSuccess(self)
            return result
        finally:
            result.stopTest(self)

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            function(*args, **kwargs)

    # ---- assertions
    def _formatMessage(self, msg, standardMsg):
        if msg is None:
            return standardMsg
        if not self.longMessage:
            return msg
        return "%s : %s" % (standardMsg, msg)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def assertTrue(self, expr, msg=None):
        if not expr:
            self.fail(self._formatMessage(msg, "%r is not true" % (expr,)))

    def assertFalse(self, expr, msg=None):
        if expr:
            self.fail(self._formatMessage(msg, "%r is not false" % (expr,)))

    def _differ(self, first, second):
        kinds = ((str, None), (list, "Lists"), (tuple, "Tuples"), (dict, None), (set, "Sets"),
                 (frozenset, "Sets"))
        for cls, word in kinds:
            if type(first) is cls and type(second) is cls:
                if cls is str and ("\n" in first or "\n" in second):
                    return "%r != %r" % (first, second)
                if word is None:
                    return "%r != %r" % (first, second)
                if word == "Sets":
                    return self._set_difference(first, second)
                return "%s differ: %r != %r" % (word, first, second)
        return "%r != %r" % (first, second)

    def _set_difference(self, first, second):
        lines = []
        only1 = [x for x in first if x not in second]
        only2 = [x for x in second if x not in first]
        if only1:
            lines.append("Items in the first set but not the second:")
            lines.extend(repr(x) for x in only1)
        if only2:
            lines.append("Items in the second set but not the first:")
            lines.extend(repr(x) for x in only2)
        return "\n".join(lines)

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self.fail(self._formatMessage(msg, self._differ(first, second)))

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, "%r == %r" % (first, second)))

    assertListEqual = assertTupleEqual = assertDictEqual = assertSetEqual = assertEqual
    assertSequenceEqual = assertMultiLineEqual = assertEqual

    def assertIs(self, first, second, msg=None):
        if first is not second:
            self.fail(self._formatMessage(msg, "%r is not %r" % (first, second)))

    def assertIsNot(self, first, second, msg=None):
        if first is second:
            self.fail(self._formatMessage(msg, "unexpectedly identical: %r" % (first,)))

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self.fail(self._formatMessage(msg, "%r is not None" % (obj,)))

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self.fail(self._formatMessage(msg, "unexpectedly None"))

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self.fail(self._formatMessage(msg, "%r not found in %r" % (member, container)))

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self.fail(self._formatMessage(msg, "%r unexpectedly found in %r" % (member, container)))

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%r is not an instance of %r" % (obj, cls)))

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self.fail(self._formatMessage(msg, "%r is an instance of %r" % (obj, cls)))

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self.fail(self._formatMessage(msg, "%r not greater than %r" % (a, b)))

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self.fail(self._formatMessage(msg, "%r not greater than or equal to %r" % (a, b)))

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self.fail(self._formatMessage(msg, "%r not less than %r" % (a, b)))

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self.fail(self._formatMessage(msg, "%r not less than or equal to %r" % (a, b)))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = "%r != %r within %r delta (%r difference)" % (first, second, delta, diff)
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = "%r != %r within %r places (%r difference)" % (first, second, places, diff)
        self.fail(self._formatMessage(msg, standard))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standard = "%r == %r within %r delta (%r difference)" % (first, second, delta, diff)
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standard = "%r == %r within %r places" % (first, second, places)
        self.fail(self._formatMessage(msg, standard))

    def assertCountEqual(self, first, second, msg=None):
        first, second = list(first), list(second)
        missing = list(second)
        extra = []
        for x in first:
            if x in missing:
                missing.remove(x)
            else:
                extra.append(x)
        if extra or missing:
            lines = ["Element counts were not equal:"]
            seen = []
            for x in extra + missing:
                if x in seen:
                    continue
                seen.append(x)
                lines.append("First has %d, Second has %d:  %r" % (first.count(x), second.count(x), x))
            self.fail(self._formatMessage(msg, "\n".join(lines)))

    def assertRaises(self, expected_exception, *args, **kwargs):
        if not args:
            return _RaisesContext(expected_exception, self, kwargs.pop("msg", None))
        fn, args = args[0], args[1:]
        name = getattr(fn, "__name__", None) or str(fn)
        with _RaisesContext(expected_exception, self, None, name):
            fn(*args, **kwargs)


class TestSuite:
    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def addTest(self, test):
        if not callable(test):
            raise TypeError("%r is not callable" % (test,))
        if isinstance(test, type) and issubclass(test, (TestCase, TestSuite)):
            raise TypeError("TestCases and TestSuites must be instantiated before passing them to addTest()")
        self._tests.append(test)

    def addTests(self, tests):
        if isinstance(tests, str):
            raise TypeError("tests must be an iterable of tests, not a string")
        for test in tests:
            self.addTest(test)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return sum(t.countTestCases() for t in self._tests)

    def run(self, result):
        done_classes = []
        failed_classes = []
        for test in self._tests:
            if result.shouldStop:
                break
            if isinstance(test, TestCase):
                cls = type(test)
                if cls not in done_classes:
                    done_classes.append(cls)
                    if _marked(_skip_why, cls) is None:
                        try:
                            cls.setUpClass()
                        except SkipTest as e:
                            for t in self._tests:
                                if type(t) is cls:
                                    result.addSkip(t, str(e))
                            failed_classes.append(cls)
                        except Exception as e:
                            result.addError(_ErrorHolder("setUpClass (%s)" % _class_name(cls)), e)
                            failed_classes.append(cls)
                if cls in failed_classes:
                    continue
                test(result)
                if test is self._last_of(cls):
                    if _marked(_skip_why, cls) is None:
                        try:
                            cls.tearDownClass()
                        except Exception as e:
                            result.addError(_ErrorHolder("tearDownClass (%s)" % _class_name(cls)), e)
            else:
                test(result)
        return result

    def _last_of(self, cls):
        last = None
        for t in self._tests:
            if type(t) is cls:
                last = t
        return last

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def __repr__(self):
        return "<unittest.suite.TestSuite tests=%r>" % (self._tests,)


class _ErrorHolder:
    """Stands for a class fixture (setUpClass) that failed."""

    def __init__(self, description):
        self.description = description

    def id(self):
        return self.description

    def shortDescription(self):
        return None

    def __str__(self):
        return self.description

    def countTestCases(self):
        return 0


class TestResult:
    def __init__(self, stream=None, descriptions=None, verbosity=None):
        self.failures = []
        self.errors = []
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.testsRun = 0
        self.shouldStop = False
        self.failfast = False
        self.buffer = False
        self.collectedDurations = []

    def startTest(self, test):
        self.testsRun += 1

    def stopTest(self, test):
        pass

    def startTestRun(self):
        pass

    def stopTestRun(self):
        pass

    def addSuccess(self, test):
        pass

    def addFailure(self, test, err):
        self.failures.append((test, _format_exc(err)))
        if self.failfast:
            self.stop()

    def addError(self, test, err):
        self.errors.append((test, _format_exc(err)))
        if self.failfast:
            self.stop()

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addSubTest(self, test, subtest, err):
        """err: the exception a failed subtest raised, None if it passed."""
        if err is None:
            return
        if isinstance(err, test.failureException):
            self.failures.append((subtest, _format_exc(err)))
        else:
            self.errors.append((subtest, _format_exc(err)))
        if self.failfast:
            self.stop()

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, _format_exc(err)))

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)
        if self.failfast:
            self.stop()

    def wasSuccessful(self):
        return len(self.failures) == len(self.errors) == 0 and not self.unexpectedSuccesses

    def stop(self):
        self.shouldStop = True

    def __repr__(self):
        return "<unittest.result.TestResult run=%d errors=%d failures=%d>" % (
            self.testsRun, len(self.errors), len(self.failures))


class TextTestResult(TestResult):
    separator1 = "=" * 70
    separator2 = "-" * 70

    def __init__(self, stream, descriptions, verbosity):
        TestResult.__init__(self)
        self.stream = stream
        self.showAll = verbosity > 1
        self.dots = verbosity == 1
        self.descriptions = descriptions
        self._exceptions = []
        self._newline = True

    def getDescription(self, test):
        doc = test.shortDescription()
        if self.descriptions and doc:
            return "\n".join((str(test), doc))
        return str(test)

    def _write(self, text):
        self.stream.write(text)
        self.stream.flush()

    def startTest(self, test):
        TestResult.startTest(self, test)
        if self.showAll:
            self._write(self.getDescription(test) + " ... ")
            self._newline = False

    def _report(self, long, short, test=None):
        if self.showAll:
            # a subtest, or a result after a subtest's line, gets a line of its own
            if isinstance(test, _SubTest) or self._newline:
                if not self._newline:
                    self.stream.write("\n")
                if isinstance(test, _SubTest):
                    self.stream.write("  ")
                self.stream.write(self.getDescription(test) + " ... ")
            self._write(long + "\n")
            self._newline = True
        elif self.dots:
            self._write(short)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            self._exceptions.append(err)
            if isinstance(err, subtest.failureException):
                self._report("FAIL", "F", subtest)
            else:
                self._report("ERROR", "E", subtest)
        TestResult.addSubTest(self, test, subtest, err)

    def addSuccess(self, test):
        TestResult.addSuccess(self, test)
        self._report("ok", ".", test)

    def addError(self, test, err):
        TestResult.addError(self, test, err)
        self._exceptions.append(err)
        self._report("ERROR", "E", test)

    def addFailure(self, test, err):
        TestResult.addFailure(self, test, err)
        self._exceptions.append(err)
        self._report("FAIL", "F", test)

    def addSkip(self, test, reason):
        TestResult.addSkip(self, test, reason)
        self._report("skipped %r" % (reason,), "s", test)

    def addExpectedFailure(self, test, err):
        TestResult.addExpectedFailure(self, test, err)
        self._report("expected failure", "x", test)

    def addUnexpectedSuccess(self, test):
        TestResult.addUnexpectedSuccess(self, test)
        self._report("unexpected success", "u", test)

    def _print_error_list(self, flavour, errors, exceptions):
        for i in range(len(errors)):
            test, text = errors[i]
            self.stream.write(self.separator1 + "\n")
            self.stream.write("%s: %s\n" % (flavour, self.getDescription(test)))
            self.stream.write(self.separator2 + "\n")
            if self.stream is sys.stderr and hasattr(sys, "print_exception"):
                self.stream.flush()
                sys.print_exception(exceptions[i])  # the whole traceback
                self.stream.write("\n")
            else:
                self.stream.write(text + "\n")
            self.stream.flush()

    def printErrors(self):
        if self.dots or self.showAll:
            self._write("\n")
        # errors and failures were reported in the order they happened
        errs = [e for e in self._exceptions if not isinstance(e, AssertionError)]
        fails = [e for e in self._exceptions if isinstance(e, AssertionError)]
        self._print_error_list("ERROR", self.errors, errs)
        self._print_error_list("FAIL", self.failures, fails)
        if self.unexpectedSuccesses:
            self.stream.write(self.separator1 + "\n")
            for test in self.unexpectedSuccesses:
                self.stream.write("UNEXPECTED SUCCESS: %s\n" % self.getDescription(test))
            self.stream.flush()


class TextTestRunner:
    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False, buffer=False,
                 resultclass=None, warnings=None, tb_locals=False):
        self.stream = stream if stream is not None else sys.stderr
        self.descriptions = descriptions
        self.verbosity = verbosity
        self.failfast = failfast
        if resultclass is not None:
            self.resultclass = resultclass

    def _makeResult(self):
        return self.resultclass(self.stream, self.descriptions, self.verbosity)

    def run(self, test):
        result = self._makeResult()
        result.failfast = self.failfast
        start = time.perf_counter()
        result.startTestRun()
        try:
            test(result)
        finally:
            result.stopTestRun()
        taken = time.perf_counter() - start
        result.printErrors()
        w = self.stream.write
        w(result.separator2 + "\n")
        run = result.testsRun
        w("Ran %d test%s in %.3fs\n\n" % (run, "s" if run != 1 else "", taken))
        infos = []
        if not result.wasSuccessful():
            w("FAILED")
            if result.failures:
                infos.append("failures=%d" % len(result.failures))
            if result.errors:
                infos.append("errors=%d" % len(result.errors))
        else:
            w("OK")
        if result.skipped:
            infos.append("skipped=%d" % len(result.skipped))
        if result.expectedFailures:
            infos.append("expected failures=%d" % len(result.expectedFailures))
        if result.unexpectedSuccesses:
            infos.append("unexpected successes=%d" % len(result.unexpectedSuccesses))
        w(" (%s)\n" % ", ".join(infos) if infos else "\n")
        self.stream.flush()
        return result


class TestLoader:
    testMethodPrefix = "test"
    suiteClass = TestSuite

    def getTestCaseNames(self, testCaseClass):
        names = []
        for cls in testCaseClass.__mro__:
            for name in _class_dict(cls):
                if name.startswith(self.testMethodPrefix) and name not in names and \
                        callable(getattr(testCaseClass, name)):
                    names.append(name)
        return sorted(names)

    def loadTestsFromTestCase(self, testCaseClass):
        if issubclass(testCaseClass, TestSuite):
            raise TypeError("Test cases should not be derived from TestSuite. Maybe you meant to derive from TestCase?")
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, "runTest"):
            names = ["runTest"]
        return self.suiteClass([testCaseClass(n) for n in names])

    def _load_from_namespace(self, namespace):
        tests = []
        for name in sorted(namespace):
            obj = namespace[name]
            if isinstance(obj, type) and issubclass(obj, TestCase) and obj is not TestCase:
                tests.append(self.loadTestsFromTestCase(obj))
        return self.suiteClass(tests)

    def loadTestsFromModule(self, module):
        if isinstance(module, dict):
            return self._load_from_namespace(module)
        space = {}
        for name in getattr(module, "__all__", ()) or ():
            space[name] = getattr(module, name)
        return self._load_from_namespace(space)

    def loadTestsFromName(self, name, namespace):
        parts = name.split(".")
        obj = namespace[parts[0]]
        if len(parts) == 1:
            if isinstance(obj, type) and issubclass(obj, TestCase):
                return self.loadTestsFromTestCase(obj)
            return self.suiteClass([obj()]) if callable(obj) else obj
        if len(parts) == 2 and isinstance(obj, type) and issubclass(obj, TestCase):
            return self.suiteClass([obj(parts[1])])
        raise AttributeError("module '__main__' has no attribute '%s'" % name)


defaultTestLoader = TestLoader()


def _main_namespace():
    if hasattr(sys, "_main_globals"):
        return sys._main_globals()
    return vars(sys.modules["__main__"])


class TestProgram:
    """unittest.main(): runs the tests of the main program (every TestCase
    subclass in its globals, by name) and exits with status 1 if any failed."""

    def __init__(self, module="__main__", defaultTest=None, argv=None, testRunner=None, testLoader=None,
                 exit=True, verbosity=1, failfast=None, catchbreak=None, buffer=None, warnings=None):
        if argv is None:
            argv = sys.argv
        self.verbosity = verbosity
        self.failfast = bool(failfast)
        self.exit = exit
        self.testLoader = testLoader if testLoader is not None else defaultTestLoader
        self.testRunner = testRunner
        names = []
        for arg in argv[1:]:
            if arg in ("-v", "--verbose"):
                self.verbosity = 2
            elif arg in ("-q", "--quiet"):
                self.verbosity = 0
            elif arg in ("-f", "--failfast"):
                self.failfast = True
            elif not arg.startswith("-"):
                names.append(arg)
        if defaultTest is not None and not names:
            names = [defaultTest] if isinstance(defaultTest, str) else list(defaultTest)
        if isinstance(module, str):
            namespace = _main_namespace()
        elif isinstance(module, dict):
            namespace = module
        else:
            namespace = vars(module)
        if names:
            self.test = TestSuite([self.testLoader.loadTestsFromName(n, namespace) for n in names])
        else:
            self.test = self.testLoader._load_from_namespace(namespace)
        self.runTests()

    def runTests(self):
        runner = self.testRunner
        if runner is None:
            runner = TextTestRunner(verbosity=self.verbosity, failfast=self.failfast)
        elif isinstance(runner, type):
            runner = runner(verbosity=self.verbosity, failfast=self.failfast)
        self.result = runner.run(self.test)
        if self.exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
