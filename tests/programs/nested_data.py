# Nested data structures and a hand-written pretty printer.
config = {
    "name": "sensor-hub",
    "version": [1, 4, 2],
    "sensors": [
        {"id": 1, "kind": "temp", "range": (-40, 125)},
        {"id": 2, "kind": "humidity", "range": (0, 100)},
    ],
    "enabled": True,
    "parent": None,
}
def show(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        for k in v:
            if isinstance(v[k], (dict, list)):
                print(pad + str(k) + ":")
                show(v[k], indent + 1)
            else:
                print(pad + str(k) + ": " + repr(v[k]))
    elif isinstance(v, list):
        for item in v:
            if isinstance(item, (dict, list)):
                print(pad + "-")
                show(item, indent + 1)
            else:
                print(pad + "- " + repr(item))
show(config)
print(config["sensors"][1]["range"][1], len(config["sensors"]), config["version"][-1])
print([s["kind"] for s in config["sensors"] if s["range"][0] < 0])
