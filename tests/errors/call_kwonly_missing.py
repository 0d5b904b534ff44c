def logged(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper

@logged
def connect(host, *, port, timeout=5):
    return host, port, timeout

print(connect('a', port=1))
print(connect('b', **{'port': 2, 'timeout': 3}))
print(connect('b'))
