module example.com/card-vault

go 1.22
