from multiprocessing import Process,Array
temp = Array('i', [11,22,33,44])   #这里的 'i' 有特殊含义
 
def Foo(i):
    temp[i] = 100+i
    for item in temp:
        print i,'----->',item
 
for i in range(2):
    p = Process(target=Foo,args=(i,))
    p.start()
