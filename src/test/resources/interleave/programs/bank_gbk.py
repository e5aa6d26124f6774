# -*- coding: gbk -*-
# 银行余额：两个线程同时存取，没有锁。保存为 GBK（中文 Windows 上常见），第一行声明编码。
# 看什么：余额最后不是 0，每一次丢失的更新都在时间线上。
import threading

balance = 0


def change_it(n):
    global balance
    balance = balance + n
    balance = balance - n


def run_thread(n):
    for i in range(100):
        change_it(n)


t1 = threading.Thread(target=run_thread, args=(5,))
t2 = threading.Thread(target=run_thread, args=(8,))
t1.start()
t2.start()
t1.join()
t2.join()
print("余额:", balance)
