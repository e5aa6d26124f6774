# A module of the program that counts at its top level, imported by two threads at once (split_imports.py):
# CPython runs this code holding the module's import lock, so the second thread waits for the first.
count = 0
for _ in range(200):
    count += 1
