module example.com/web-auth

go 1.22
