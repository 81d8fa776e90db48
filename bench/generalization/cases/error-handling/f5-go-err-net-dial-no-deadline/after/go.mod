module example.com/pos-bridge

go 1.22
