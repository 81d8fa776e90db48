module example.com/card-auth

go 1.22
