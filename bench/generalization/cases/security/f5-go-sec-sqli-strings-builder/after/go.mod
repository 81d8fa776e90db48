module example.com/payouts-admin

go 1.22
