module example.com/goapp/web

go 1.19
