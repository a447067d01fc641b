#!/usr/bin/env python3
"""Helpers of bench/defects-real-music.sh (standard library only; run by the script, not by hand).

  insert CLEAN.wav OUT.wav SEED EVERY POSITIONS.tsv   copy a float WAV and add clicks at seeded places
  info WAV                                            "rate frames channels"
  edges WAV                                           "start_dbfs end_dbfs": loudest channel's RMS over the first/last 1 ms
  report WORKDIR                                      the tables, from the JSON reports and the TSVs the script wrote

Clicks: one every EVERY seconds (at most MAX_CLICKS per track, the report lists 100 defects of a kind), 1 s from
either end, at a seeded jittered frame, alternately in channel 0 and 1; kinds and levels rotate: a one-sample spike
(impulse) and a step that decays with a 5 ms time constant (a pop), at -10, -20, -30, -40 and -50 dBFS, random
sign. Each insertion records the local RMS of its channel over the 20 ms around it (the clean signal), so detection can
be read against the click's level relative to the music it sits in.
"""
import glob
import json
import math
import os
import random
import struct
import sys
from collections import Counter, defaultdict

LEVELS_DBFS = (-10, -20, -30, -40, -50)
KINDS = ("impulse", "step")
MAX_CLICKS = 90
MATCH_SECONDS = 0.010
STEP_TAU_SECONDS = 0.005
DEFECT_KINDS = ("click", "abrupt-start", "abrupt-end", "dual-mono", "polarity", "dc-offset", "intersample-over",
                "clipping", "dropout")


class FloatWav:
    """A 32-bit float WAV opened in place: interleaved samples read and written by frame."""

    def __init__(self, path, mode="rb"):
        self.f = open(path, mode)
        head = self.f.read(12)
        if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise ValueError(f"{path}: not a WAV file")
        self.channels = self.rate = self.data = self.frames = None
        while self.data is None:
            chunk = self.f.read(8)
            if len(chunk) < 8:
                raise ValueError(f"{path}: no data chunk")
            cid, size = chunk[:4], struct.unpack("<I", chunk[4:])[0]
            if cid == b"fmt ":
                fmt = self.f.read(size)
                tag, self.channels, self.rate = struct.unpack_from("<HHI", fmt)
                bits = struct.unpack_from("<H", fmt, 14)[0]
                if bits != 32 or tag not in (3, 0xFFFE):
                    raise ValueError(f"{path}: not 32-bit float")
            elif cid == b"data":
                self.data = self.f.tell()
                self.frames = size // (4 * self.channels)
            else:
                self.f.seek(size + (size & 1), 1)

    def read(self, frame, count):
        frame = max(0, frame)
        count = max(0, min(count, self.frames - frame))
        self.f.seek(self.data + 4 * self.channels * frame)
        return struct.unpack(f"<{count * self.channels}f", self.f.read(4 * self.channels * count))

    def write(self, frame, values):
        self.f.seek(self.data + 4 * self.channels * frame)
        self.f.write(struct.pack(f"<{len(values)}f", *values))

    def close(self):
        self.f.close()


def insert(clean, out, seed, every, positions):
    with open(clean, "rb") as src, open(out, "wb") as dst:
        while block := src.read(1 << 22):
            dst.write(block)
    wav = FloatWav(out, "r+b")
    rng = random.Random(int(seed))
    rate, channels = wav.rate, wav.channels
    usable = wav.frames - 2 * rate
    count = max(0, min(MAX_CLICKS, int(usable / (float(every) * rate))))
    spacing = usable / count if count else 0
    rows = []
    for i in range(count):
        at = rate + int(i * spacing + rng.uniform(0.1, 0.9) * spacing)
        channel = i % channels
        kind = KINDS[(i // channels) % len(KINDS)]
        level = LEVELS_DBFS[(i // (channels * len(KINDS))) % len(LEVELS_DBFS)]
        amplitude = 10 ** (level / 20) * rng.choice((1, -1))
        around = wav.read(at - rate // 100, rate // 50)
        local = around[channel::channels]
        rms = math.sqrt(sum(v * v for v in local) / len(local)) if local else 0
        length = 1 if kind == "impulse" else int(10 * STEP_TAU_SECONDS * rate)
        frames = wav.read(at, length)
        values = list(frames)
        for k in range(len(values) // channels):
            values[k * channels + channel] += amplitude * (1 if kind == "impulse" else math.exp(-k / (STEP_TAU_SECONDS * rate)))
        wav.write(at, values)
        rows.append((at, channel, kind, level, 20 * math.log10(rms) if rms > 0 else -150))
    wav.close()
    with open(positions, "w") as f:
        f.write(f"#rate\t{rate}\n")
        for row in rows:
            f.write("%d\t%d\t%s\t%d\t%.2f\n" % row)


def edges(path):
    wav = FloatWav(path)
    ms = max(1, round(wav.rate / 1000))

    def loudest(frames):
        return max(sum(v * v for v in frames[c::wav.channels]) / ms for c in range(wav.channels))

    start, end = loudest(wav.read(0, ms)), loudest(wav.read(wav.frames - ms, ms))
    db = lambda p: 10 * math.log10(p) if p > 0 else -150
    print(f"{db(start):.1f} {db(end):.1f}")


def info(path):
    wav = FloatWav(path)
    print(wav.rate, wav.frames, wav.channels)


def tracks(report_path):
    with open(report_path) as f:
        return {os.path.basename(t["path"]): t for t in json.load(f)["tracks"]}


def counts(track):
    return {k: track["defectTotals"].get(k, 0) for k in DEFECT_KINDS}


def report(work):
    names = [line.rstrip("\n").split("\t") for line in open(f"{work}/manifest.tsv")]
    clean = tracks(f"{work}/clean.json")
    fp_total, minutes = Counter(), 0.0
    print(f"{'track':<42}{'min':>6} | clean findings by kind (click abrupt-start abrupt-end dual-mono polarity dc-offset overs clipping dropout)")
    for index, source, base in names:
        t = clean.get(base)
        if t is None or t.get("error"):
            print(f"{source[-42:]:<42} error: {t and t['error']}")
            continue
        minutes += t["format"]["durationSeconds"] / 60
        c = counts(t)
        fp_total.update(c)
        print(f"{source[-42:]:<42}{t['format']['durationSeconds'] / 60:>6.2f} | " + " ".join(f"{c[k]:>4}" for k in DEFECT_KINDS))
    hours = minutes / 60
    print(f"\n{len(names)} tracks, {minutes:.1f} min. Clean findings (totals, per hour):")
    for k in DEFECT_KINDS:
        print(f"  {k:<17}{fp_total[k]:>6}  {fp_total[k] / hours if hours else 0:>8.1f}/h")

    # Inserted clicks.
    found_at, total = defaultdict(int), defaultdict(int)
    rel_found, rel_total = defaultdict(int), defaultdict(int)
    weakest, weakest_rel, strongest_missed_rel = None, None, None
    extra, clicked_minutes, truncated = 0, 0.0, 0
    for path in sorted(glob.glob(f"{work}/variants/*.json")):
        index = os.path.basename(path)[:-5]
        by_name = tracks(path)
        t = by_name.get(f"{index}-clicks.wav")
        if t is None or t.get("error"):
            continue
        clicked_minutes += t["format"]["durationSeconds"] / 60
        rows = [line.rstrip("\n").split("\t") for line in open(f"{work}/variants/{index}.tsv")]
        rate = int(rows[0][1])
        clicks = [d for d in t["defects"] if d["kind"] == "click"]
        if t["defectTotals"]["click"] > len(clicks):
            truncated += 1
        used = set()
        for at, channel, kind, level, rms in ((int(r[0]), int(r[1]), r[2], int(r[3]), float(r[4])) for r in rows[1:]):
            key = (kind, level)
            total[key] += 1
            rel = level - rms
            bucket = min(40, max(-30, 10 * math.floor(rel / 10)))
            rel_total[bucket] += 1
            hit = [i for i, d in enumerate(clicks) if abs(d["atSeconds"] - at / rate) <= MATCH_SECONDS and d["channel"] in (None, channel)]
            if hit:
                used.update(hit)
                found_at[key] += 1
                rel_found[bucket] += 1
                weakest = level if weakest is None else min(weakest, level)
                weakest_rel = rel if weakest_rel is None else min(weakest_rel, rel)
            else:
                strongest_missed_rel = rel if strongest_missed_rel is None else max(strongest_missed_rel, rel)
        extra += len(clicks) - len(used)
    if total:
        print(f"\nInserted clicks ({sum(total.values())} in {clicked_minutes:.1f} min of clicked copies; found = a click "
              f"within {MATCH_SECONDS * 1000:.0f} ms in its channel or in all channels):")
        print(f"  {'level dBFS':<12}" + "".join(f"{k:>16}" for k in KINDS))
        for level in LEVELS_DBFS:
            cells = [f"{found_at[(k, level)]:>6}/{total[(k, level)]:<4} {100 * found_at[(k, level)] / max(1, total[(k, level)]):>3.0f}%" for k in KINDS]
            print(f"  {level:<12}" + "".join(f"{c:>16}" for c in cells))
        print("  by level relative to the local RMS (20 ms around, clean signal):")
        for bucket in sorted(rel_total):
            label = f"< {bucket + 10:+d} dB" if bucket == -30 else (f">= {bucket:+d} dB" if bucket == 40 else f"{bucket:+d}..{bucket + 10:+d} dB")
            print(f"    {label:<14}{rel_found[bucket]:>6}/{rel_total[bucket]:<6}{100 * rel_found[bucket] / rel_total[bucket]:>5.0f}%")
        print(f"  margin: weakest click found {weakest} dBFS; weakest relative level found {weakest_rel:+.1f} dB, "
              f"strongest relative level missed {strongest_missed_rel:+.1f} dB" if weakest is not None else "  no click found")
        print(f"  other click findings in the clicked copies (not within {MATCH_SECONDS * 1000:.0f} ms of an insertion): {extra}"
              + (f"; {truncated} copies had more clicks than the report lists" if truncated else ""))

    # Cut, L=R, L=-R, R inverted excerpts.
    rows = []
    for path in sorted(glob.glob(f"{work}/variants/*.json")):
        index = os.path.basename(path)[:-5]
        by_name = tracks(path)
        edge = open(f"{work}/variants/{index}.edges").read().split()
        cut, lr, neg, inv = (by_name.get(f"{index}-{v}.wav") for v in ("cut", "lr", "neg", "rinv"))
        if cut is None or cut.get("error"):
            continue
        rows.append((float(edge[0]), float(edge[1]), counts(cut), lr and counts(lr), neg and counts(neg), inv and (counts(inv), inv["stereo"]["correlation"]), cut["stereo"]["correlation"]))
    if rows:
        loud = 10 ** (-30 / 10)
        exp_start = [r for r in rows if r[0] > -30]
        exp_end = [r for r in rows if r[1] > -30]
        print(f"\nExcerpts cut from the middle of each track (abrupt-start/-end expected when the first/last 1 ms is above -30 dBFS RMS):")
        print(f"  abrupt-start {sum(r[2]['abrupt-start'] > 0 for r in exp_start)}/{len(exp_start)} found where expected, "
              f"{sum(r[2]['abrupt-start'] > 0 for r in rows if r[0] <= -30)} where not; abrupt-end {sum(r[2]['abrupt-end'] > 0 for r in exp_end)}/{len(exp_end)}, "
              f"{sum(r[2]['abrupt-end'] > 0 for r in rows if r[1] <= -30)} where not")
        stereo = [r for r in rows if r[3] is not None]
        print(f"  L=R: dual-mono {sum(r[3]['dual-mono'] > 0 for r in stereo)}/{len(stereo)}; L=-R: polarity "
              f"{sum(r[4]['polarity'] > 0 for r in stereo)}/{len(stereo)} (dual-mono on L=-R: {sum(r[4]['dual-mono'] > 0 for r in stereo)})")
        print(f"  untouched excerpts: dual-mono {sum(r[2]['dual-mono'] > 0 for r in stereo)}, polarity {sum(r[2]['polarity'] > 0 for r in stereo)}, "
              f"clicks {sum(r[2]['click'] for r in rows)}; correlation {min(r[6] for r in stereo):+.2f}..{max(r[6] for r in stereo):+.2f}")
        inverted = [r[5] for r in stereo if r[5] is not None]
        if inverted:
            print(f"  right channel inverted (a real mix, not L=-R): polarity {sum(c['polarity'] > 0 for c, _ in inverted)}/{len(inverted)}, "
                  f"correlation {min(x for _, x in inverted):+.2f}..{max(x for _, x in inverted):+.2f}")


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    {"insert": insert, "info": info, "edges": edges, "report": report}[command](*rest)
