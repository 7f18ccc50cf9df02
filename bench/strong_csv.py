#!/usr/bin/env python3
"""Writes a Strong export (the current comma format) of ROWS sets to standard output: a few
lifters' years of training, the shape `lbtrain log import` reads. Used by bench/run; never
committed as data."""
import sys

rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
exercises = ["Deadlift (Barbell)", "Romanian Deadlift (Barbell)", "Back Extension", "Good Morning (Barbell)",
             "Squat (Barbell)", "Hip Thrust (Barbell)", "Plank", "Leg Press"]
out = sys.stdout
out.write("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n")
written = 0
session = 0
while written < rows:
    day = session
    date = f"{2000 + day // 336:04d}-{1 + (day // 28) % 12:02d}-{1 + day % 28:02d} 07:{session % 60:02d}:00"
    for e, name in enumerate(exercises):
        for s in range(1, 6):
            if written >= rows:
                break
            hold = name == "Plank"
            weight = 0 if hold else 40 + (session % 50) + e * 5
            reps = 0 if hold else 5 + s
            seconds = 45 if hold else 0
            out.write(f'{date},"Session {session}",1h 2m,"{name}",{s},{weight},{reps},0,{seconds},"","",{7 + s % 3}\n')
            written += 1
    session += 1
