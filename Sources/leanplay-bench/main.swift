print("leanplay-bench")
