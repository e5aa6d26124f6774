# A program that reads its standard input itself, a line and then the rest: the lines are the run's answers (the
# --input options, the keyboard bar), shown as a terminal shows them, and the end of the answers is the end of the file.
import sys
line = sys.stdin.readline()
print("got", repr(line))
total = 0
for line in sys.stdin:
    total += int(line)
print("total", total)
