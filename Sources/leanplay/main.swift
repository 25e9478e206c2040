print("leanplay")
