module github.com/acme/capture

go 1.22
