# Limits the JIT refuses with a reason (issue 17: a pass meeting what it does
# not support refuses the function, never truncates): a block reached from
# more than 64 places (IR_MAX_PREDS). The test jit/report-many-paths checks
# the reason; the outputs are checked here. A chain of 70 returns compiles.
def many_continues(n):
    s = 0
    for i in range(n):
        if i == 0:
            s += 0
            continue
        if i == 1:
            s += 1
            continue
        if i == 2:
            s += 2
            continue
        if i == 3:
            s += 3
            continue
        if i == 4:
            s += 4
            continue
        if i == 5:
            s += 5
            continue
        if i == 6:
            s += 6
            continue
        if i == 7:
            s += 7
            continue
        if i == 8:
            s += 8
            continue
        if i == 9:
            s += 9
            continue
        if i == 10:
            s += 10
            continue
        if i == 11:
            s += 11
            continue
        if i == 12:
            s += 12
            continue
        if i == 13:
            s += 13
            continue
        if i == 14:
            s += 14
            continue
        if i == 15:
            s += 15
            continue
        if i == 16:
            s += 16
            continue
        if i == 17:
            s += 17
            continue
        if i == 18:
            s += 18
            continue
        if i == 19:
            s += 19
            continue
        if i == 20:
            s += 20
            continue
        if i == 21:
            s += 21
            continue
        if i == 22:
            s += 22
            continue
        if i == 23:
            s += 23
            continue
        if i == 24:
            s += 24
            continue
        if i == 25:
            s += 25
            continue
        if i == 26:
            s += 26
            continue
        if i == 27:
            s += 27
            continue
        if i == 28:
            s += 28
            continue
        if i == 29:
            s += 29
            continue
        if i == 30:
            s += 30
            continue
        if i == 31:
            s += 31
            continue
        if i == 32:
            s += 32
            continue
        if i == 33:
            s += 33
            continue
        if i == 34:
            s += 34
            continue
        if i == 35:
            s += 35
            continue
        if i == 36:
            s += 36
            continue
        if i == 37:
            s += 37
            continue
        if i == 38:
            s += 38
            continue
        if i == 39:
            s += 39
            continue
        if i == 40:
            s += 40
            continue
        if i == 41:
            s += 41
            continue
        if i == 42:
            s += 42
            continue
        if i == 43:
            s += 43
            continue
        if i == 44:
            s += 44
            continue
        if i == 45:
            s += 45
            continue
        if i == 46:
            s += 46
            continue
        if i == 47:
            s += 47
            continue
        if i == 48:
            s += 48
            continue
        if i == 49:
            s += 49
            continue
        if i == 50:
            s += 50
            continue
        if i == 51:
            s += 51
            continue
        if i == 52:
            s += 52
            continue
        if i == 53:
            s += 53
            continue
        if i == 54:
            s += 54
            continue
        if i == 55:
            s += 55
            continue
        if i == 56:
            s += 56
            continue
        if i == 57:
            s += 57
            continue
        if i == 58:
            s += 58
            continue
        if i == 59:
            s += 59
            continue
        if i == 60:
            s += 60
            continue
        if i == 61:
            s += 61
            continue
        if i == 62:
            s += 62
            continue
        if i == 63:
            s += 63
            continue
        if i == 64:
            s += 64
            continue
        if i == 65:
            s += 65
            continue
        if i == 66:
            s += 66
            continue
        if i == 67:
            s += 67
            continue
        if i == 68:
            s += 68
            continue
        if i == 69:
            s += 69
            continue
        s += 1000
    return s
def many_returns(x):
    if x == 0:
        return 0
    if x == 1:
        return 3
    if x == 2:
        return 6
    if x == 3:
        return 9
    if x == 4:
        return 12
    if x == 5:
        return 15
    if x == 6:
        return 18
    if x == 7:
        return 21
    if x == 8:
        return 24
    if x == 9:
        return 27
    if x == 10:
        return 30
    if x == 11:
        return 33
    if x == 12:
        return 36
    if x == 13:
        return 39
    if x == 14:
        return 42
    if x == 15:
        return 45
    if x == 16:
        return 48
    if x == 17:
        return 51
    if x == 18:
        return 54
    if x == 19:
        return 57
    if x == 20:
        return 60
    if x == 21:
        return 63
    if x == 22:
        return 66
    if x == 23:
        return 69
    if x == 24:
        return 72
    if x == 25:
        return 75
    if x == 26:
        return 78
    if x == 27:
        return 81
    if x == 28:
        return 84
    if x == 29:
        return 87
    if x == 30:
        return 90
    if x == 31:
        return 93
    if x == 32:
        return 96
    if x == 33:
        return 99
    if x == 34:
        return 102
    if x == 35:
        return 105
    if x == 36:
        return 108
    if x == 37:
        return 111
    if x == 38:
        return 114
    if x == 39:
        return 117
    if x == 40:
        return 120
    if x == 41:
        return 123
    if x == 42:
        return 126
    if x == 43:
        return 129
    if x == 44:
        return 132
    if x == 45:
        return 135
    if x == 46:
        return 138
    if x == 47:
        return 141
    if x == 48:
        return 144
    if x == 49:
        return 147
    if x == 50:
        return 150
    if x == 51:
        return 153
    if x == 52:
        return 156
    if x == 53:
        return 159
    if x == 54:
        return 162
    if x == 55:
        return 165
    if x == 56:
        return 168
    if x == 57:
        return 171
    if x == 58:
        return 174
    if x == 59:
        return 177
    if x == 60:
        return 180
    if x == 61:
        return 183
    if x == 62:
        return 186
    if x == 63:
        return 189
    if x == 64:
        return 192
    if x == 65:
        return 195
    if x == 66:
        return 198
    if x == 67:
        return 201
    if x == 68:
        return 204
    if x == 69:
        return 207
    return -1
def many_breaks(n):
    s = 0
    for i in range(n):
        if i * 7 == 1000:
            break
        if i * 7 == 1011:
            break
        if i * 7 == 1022:
            break
        if i * 7 == 1033:
            break
        if i * 7 == 1044:
            break
        if i * 7 == 1055:
            break
        if i * 7 == 1066:
            break
        if i * 7 == 1077:
            break
        if i * 7 == 1088:
            break
        if i * 7 == 1099:
            break
        if i * 7 == 1110:
            break
        if i * 7 == 1121:
            break
        if i * 7 == 1132:
            break
        if i * 7 == 1143:
            break
        if i * 7 == 1154:
            break
        if i * 7 == 1165:
            break
        if i * 7 == 1176:
            break
        if i * 7 == 1187:
            break
        if i * 7 == 1198:
            break
        if i * 7 == 1209:
            break
        if i * 7 == 1220:
            break
        if i * 7 == 1231:
            break
        if i * 7 == 1242:
            break
        if i * 7 == 1253:
            break
        if i * 7 == 1264:
            break
        if i * 7 == 1275:
            break
        if i * 7 == 1286:
            break
        if i * 7 == 1297:
            break
        if i * 7 == 1308:
            break
        if i * 7 == 1319:
            break
        if i * 7 == 1330:
            break
        if i * 7 == 1341:
            break
        if i * 7 == 1352:
            break
        if i * 7 == 1363:
            break
        if i * 7 == 1374:
            break
        if i * 7 == 1385:
            break
        if i * 7 == 1396:
            break
        if i * 7 == 1407:
            break
        if i * 7 == 1418:
            break
        if i * 7 == 1429:
            break
        if i * 7 == 1440:
            break
        if i * 7 == 1451:
            break
        if i * 7 == 1462:
            break
        if i * 7 == 1473:
            break
        if i * 7 == 1484:
            break
        if i * 7 == 1495:
            break
        if i * 7 == 1506:
            break
        if i * 7 == 1517:
            break
        if i * 7 == 1528:
            break
        if i * 7 == 1539:
            break
        if i * 7 == 1550:
            break
        if i * 7 == 1561:
            break
        if i * 7 == 1572:
            break
        if i * 7 == 1583:
            break
        if i * 7 == 1594:
            break
        if i * 7 == 1605:
            break
        if i * 7 == 1616:
            break
        if i * 7 == 1627:
            break
        if i * 7 == 1638:
            break
        if i * 7 == 1649:
            break
        if i * 7 == 1660:
            break
        if i * 7 == 1671:
            break
        if i * 7 == 1682:
            break
        if i * 7 == 1693:
            break
        if i * 7 == 1704:
            break
        if i * 7 == 1715:
            break
        if i * 7 == 1726:
            break
        if i * 7 == 1737:
            break
        if i * 7 == 1748:
            break
        if i * 7 == 1759:
            break
        s += i
    return s
print(many_continues(100), many_returns(69), many_returns(5), many_breaks(300))
