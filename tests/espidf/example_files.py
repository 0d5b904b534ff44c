#!/usr/bin/env python3
"""Checks examples/esp-idf as far as a machine without ESP-IDF can.

- sdkconfig.defaults: every option is P4JIT's own (esp-idf/p4jit/Kconfig,
  main/Kconfig.projbuild, with a value in range) or one of the ESP-IDF
  options below, which were checked to exist in ESP-IDF v5.3 and v6.0
  (ESP_SYSTEM_PMP_IDRAM_SPLIT: v5.3 components/esp_system/Kconfig; v6.0
  through components/esp_system/sdkconfig.rename to ESP_SYSTEM_MEMPROT);
  executable memory is asked for.
- partitions.csv: rows well formed, offsets 4 KB aligned (apps 64 KB),
  nothing overlapping, everything inside the flash size sdkconfig.defaults
  chooses; the SPIFFS partition is the one main/CMakeLists.txt fills and
  main.c mounts.
- fs/*.py: each runs under P4JIT (this build's host p4jit) with CPython's
  output.
usage: example_files.py EXAMPLE_DIR COMPONENT_DIR P4JIT
"""
import os
import re
import subprocess
import sys

ESP_IDF_OPTIONS = {
    "IDF_TARGET", "ESP_SYSTEM_PMP_IDRAM_SPLIT", "ESP_TASK_WDT_CHECK_IDLE_TASK_CPU1",
    "PARTITION_TABLE_CUSTOM", "PARTITION_TABLE_CUSTOM_FILENAME", "ESPTOOLPY_FLASHSIZE_16MB",
}
FLASH_SIZES = {"ESPTOOLPY_FLASHSIZE_16MB": 16 << 20}


def kconfig_options(path):
    """name -> (type, (lo, hi) or None) of a Kconfig file's config entries."""
    opts, name = {}, None
    for line in open(path):
        m = re.match(r"\s*config (\w+)", line)
        if m:
            name = m.group(1)
            opts[name] = [None, None]
            continue
        m = re.match(r"\s*(int|bool|string)\b", line)
        if m and name and opts[name][0] is None:
            opts[name][0] = m.group(1)
        m = re.match(r"\s*range (\d+) (\d+)", line)
        if m and name:
            opts[name][1] = (int(m.group(1)), int(m.group(2)))
    return opts


def number(s):
    return int(s, 0)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    example, component, p4jit = sys.argv[1:]
    fails = []
    own = kconfig_options(os.path.join(component, "Kconfig"))
    own.update(kconfig_options(os.path.join(example, "main", "Kconfig.projbuild")))
    settings = {}
    for n, line in enumerate(open(os.path.join(example, "sdkconfig.defaults")), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"CONFIG_(\w+)=(.*)$", line)
        if not m:
            fails.append(f"sdkconfig.defaults:{n}: not CONFIG_NAME=value")
            continue
        name, value = m.groups()
        settings[name] = value
        if name in own:
            typ, rng = own[name]
            if typ == "int" and (not re.fullmatch(r"\d+", value) or (rng and not rng[0] <= int(value) <= rng[1])):
                fails.append(f"sdkconfig.defaults:{n}: {name}={value} outside {rng}")
            if typ == "bool" and value not in ("y", "n"):
                fails.append(f"sdkconfig.defaults:{n}: {name} is a bool")
        elif name not in ESP_IDF_OPTIONS:
            fails.append(f"sdkconfig.defaults:{n}: {name} is neither P4JIT's nor a checked ESP-IDF option")
    if settings.get("ESP_SYSTEM_PMP_IDRAM_SPLIT") != "n":
        fails.append("sdkconfig.defaults: no CONFIG_ESP_SYSTEM_PMP_IDRAM_SPLIT=n (no executable memory)")
    flash = next((size for opt, size in FLASH_SIZES.items() if settings.get(opt) == "y"), None)
    if flash is None:
        fails.append("sdkconfig.defaults: no flash size chosen")
    # partitions.csv (ESP-IDF's format: name, type, subtype, offset, size, flags)
    rows, end = [], 0x9000  # the table itself sits at 0x8000 (4 KB)
    for n, line in enumerate(open(os.path.join(example, "partitions.csv")), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        f = [x.strip() for x in line.split(",")]
        if len(f) < 5:
            fails.append(f"partitions.csv:{n}: fewer than 5 fields")
            continue
        name, typ, sub, off, size = f[:5]
        align = 0x10000 if typ == "app" else 0x1000
        off = number(off) if off else (end + align - 1) // align * align
        size = number(size) if re.fullmatch(r"0x[0-9a-fA-F]+|\d+", size) else None
        if size is None:
            fails.append(f"partitions.csv:{n}: size not a number")
            continue
        if off % align or off < end:
            fails.append(f"partitions.csv:{n}: {name} at {off:#x}: misaligned or overlapping (free from {end:#x})")
        end = off + size
        rows.append((name, typ, sub, off, size))
    if flash and end > flash:
        fails.append(f"partitions.csv: ends at {end:#x}, past the {flash >> 20} MB flash")
    spiffs = [r[0] for r in rows if r[1] == "data" and r[2] == "spiffs"]
    cmake = open(os.path.join(example, "main", "CMakeLists.txt")).read()
    main_c = open(os.path.join(example, "main", "main.c")).read()
    for label in spiffs:
        if not re.search(rf"spiffs_create_partition_image\({label}\b", cmake):
            fails.append(f"main/CMakeLists.txt does not fill the '{label}' partition")
        if f'.partition_label = "{label}"' not in main_c:
            fails.append(f"main.c does not mount the '{label}' partition")
    if not spiffs:
        fails.append("partitions.csv: no SPIFFS partition for the programs")
    if not any(r[1] == "app" for r in rows):
        fails.append("partitions.csv: no app partition")
    # the programs on the filesystem
    fs = os.path.join(example, "fs")
    env = dict(os.environ, PYTHONPATH=os.path.join(os.path.dirname(os.path.dirname(component)), "lib", "python"))
    for prog in sorted(p for p in os.listdir(fs) if p.endswith(".py")):
        path = os.path.join(fs, prog)
        want = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=120, env=env)
        got = subprocess.run([p4jit, "run", path], capture_output=True, text=True, timeout=120)
        # cycle counts and the frequency differ by machine: compare the rest
        norm = lambda s: re.sub(r"cycles \d+ at \d+ MHz", "cycles N at F MHz", s)
        if want.returncode or got.returncode or norm(want.stdout) != norm(got.stdout):
            fails.append(f"fs/{prog}: P4JIT's output differs from CPython's:\n{want.stdout}{want.stderr}---\n"
                         f"{got.stdout}{got.stderr}")
    for f in fails:
        print("FAIL:", f)
    if not fails:
        print(f"examples/esp-idf: {len(settings)} settings, {len(rows)} partitions (up to {end:#x}), "
              f"fs/ programs as CPython")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
