# A module of the program holding one shared value, which the program's threads update through the module.
total = 0
