# statistics against CPython (values float32 holds exactly): the result
# types of mean/median/variance, modes, errors
import statistics as st
from fractions import Fraction as F

print(st.mean([1, 2, 3]), st.mean([1, 2, 3, 4]), st.mean([0.5, 1.5]), st.mean([F(1, 2), F(1, 3)]), st.mean(range(10)), st.mean([True, False, True, True]))
print(st.fmean([1, 2, 3, 6]), st.fmean([1, 3], weights=[3, 1]), st.median([3, 1, 2]), st.median([4, 1, 3, 2]), st.median([1, 3]), st.median(['b', 'a', 'c']))
print(st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_low([5]), st.mode([1, 2, 2, 3, 3]), st.mode('abracadabra'), st.multimode('aabbbbccddddeeffffgg'), st.multimode([]))
print(st.variance([1, 2, 3, 4, 5]), st.pvariance([1, 2, 3, 4]), st.variance([0.5, 1.5, 2.5]), st.pvariance([F(1, 4), F(3, 4)]), st.variance([1, 3, 5], 3))
print(st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), st.stdev([1, 3, 5]), st.stdev([3, 3, 3]), st.pstdev([F(1), F(3)]), type(st.pvariance([1, 3])).__name__)
for bad in (lambda: st.mean([]), lambda: st.median([]), lambda: st.mode([]), lambda: st.variance([1]), lambda: st.stdev([]),
            lambda: st.pvariance([]), lambda: st.fmean([]), lambda: st.mean(['a']), lambda: st.fmean([1], weights=[1, 2])):
    try:
        print(bad())
    except (st.StatisticsError, TypeError) as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
