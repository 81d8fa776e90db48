module example.com/auth-svc

go 1.22
