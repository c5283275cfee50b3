"""Corrupts a plan file for the reader's error tests.

  patch-plan.py IN OUT replace-i64 OLD NEW     the one little-endian i64 OLD
  patch-plan.py IN OUT replace-string OLD NEW  the one OLD (same length)
  patch-plan.py IN OUT section-size ID DELTA   add DELTA to section ID's size
  patch-plan.py IN OUT set-byte OFFSET VALUE

Fails when the pattern is not found exactly once, so a test cannot silently
patch the wrong bytes.
"""

import struct
import sys


def replace_once(data, old, new):
    count = data.count(old)
    if count != 1:
        sys.exit(f"pattern {old!r} found {count} times, expected once")
    return data.replace(old, new)


def main():
    src, dst, command, *args = sys.argv[1:]
    data = bytearray(open(src, "rb").read())
    if command == "replace-i64":
        old, new = (struct.pack("<q", int(a, 0)) for a in args)
        data = replace_once(bytes(data), old, new)
    elif command == "replace-string":
        old, new = (a.encode() for a in args)
        if len(old) != len(new):
            sys.exit("replacement must have the same length")
        data = replace_once(bytes(data), old, new)
    elif command == "section-size":
        section, delta = int(args[0]), int(args[1])
        (count,) = struct.unpack_from("<I", data, 12)
        for i in range(count):
            entry = 16 + 24 * i
            if struct.unpack_from("<I", data, entry)[0] == section:
                size = struct.unpack_from("<Q", data, entry + 16)[0]
                struct.pack_into("<Q", data, entry + 16, size + delta)
                break
        else:
            sys.exit(f"no section {section}")
    elif command == "set-byte":
        data[int(args[0], 0)] = int(args[1], 0)
    else:
        sys.exit(f"unknown command {command}")
    open(dst, "wb").write(data)


if __name__ == "__main__":
    main()
