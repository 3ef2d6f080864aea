#!/usr/bin/env python3
"""Writes zip64.zip: one deflated JSON member whose central directory entry keeps its sizes and offset only in
the ZIP64 extra field, and a ZIP64 end record (what archivers write for archives over 4 GiB), small enough to
commit. Python's zipfile reads it back as a check."""
import json, struct, zlib, zipfile

records = [{"id": "z64-1", "content": "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الإيراني في موسكو.",
            "date_extracted": "2016-12-20"}]
data = json.dumps(records, ensure_ascii=False).encode()
comp = zlib.compressobj(9, zlib.DEFLATED, -15)
deflated = comp.compress(data) + comp.flush()
crc = zlib.crc32(data)
name = b"day/articles.json"
extra_local = struct.pack("<HHQQ", 1, 16, len(data), len(deflated))
local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF, len(name), len(extra_local)) + name + extra_local
extra_central = struct.pack("<HHQQQ", 1, 24, len(data), len(deflated), 0)
central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                      len(name), len(extra_central), 0, 0, 0, 0, 0xFFFFFFFF) + name + extra_central
cd_offset = len(local) + len(deflated)
zip64_end_offset = cd_offset + len(central)
zip64_end = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, 1, 1, len(central), cd_offset)
locator = struct.pack("<IIQI", 0x07064B50, 0, zip64_end_offset, 1)
end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
with open("zip64.zip", "wb") as f:
    f.write(local + deflated + central + zip64_end + locator + end)
with zipfile.ZipFile("zip64.zip") as z:
    assert z.read("day/articles.json") == data
print("zip64.zip written and read back")
