# A Python 2 program indented with a tab on one line and eight spaces on the next, which Python 2 read alike
def greet(name):
	message = "hello, " + name
        print message
greet("class")
