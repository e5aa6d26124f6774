from greenlet import greenlet

def test1():
    print(12)                      # @p12
    gr2.switch()                   # @to-gr2
    print(34)                      # @p34
    gr2.switch()                   # @to-gr2-again

def test2():
    print(56)                      # @p56
    gr1.switch()                   # @to-gr1
    print(78)                      # @p78

gr1 = greenlet(test1); gr2 = greenlet(test2); gr1.switch()  # @start
