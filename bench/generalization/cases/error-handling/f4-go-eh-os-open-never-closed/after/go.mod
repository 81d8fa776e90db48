module github.com/acme/settle

go 1.22
