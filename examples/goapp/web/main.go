// The Go service of the goapp example: a small JSON API that reports where it runs and answers
// health checks. It reads its settings from the environment, as Slipway gives them on EKS (from
// the Secret External Secrets syncs) and locally (from `slipway dev`).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// info is what GET / answers: enough to see which environment and database a pod is wired to.
type info struct {
	App          string `json:"app"`
	Version      string `json:"version"`
	DatabaseHost string `json:"databaseHost,omitempty"`
	DatabaseName string `json:"databaseName,omitempty"`
	APIKeySet    bool   `json:"apiKeySet"`
}

func main() {
	port := getenv("PORT", "8080")
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
			return
		}
		writeJSON(w, http.StatusOK, info{
			App:          "goapp",
			Version:      getenv("APP_VERSION", "dev"),
			DatabaseHost: os.Getenv("DATABASE_HOST"),
			DatabaseName: os.Getenv("DATABASE_NAME"),
			// The key itself never leaves the process; only whether it arrived.
			APIKeySet: os.Getenv("API_KEY") != "",
		})
	})

	server := &http.Server{Addr: ":" + port, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		log.Printf(`{"level":"info","msg":"listening","port":%q}`, port)
		if err := server.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Fatalf(`{"level":"error","msg":%q}`, err.Error())
		}
	}()
	<-stop
	// Kubernetes stops sending requests before SIGTERM (the pod's preStop sleep); finish what is in flight.
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	if err := server.Shutdown(ctx); err != nil {
		log.Printf(`{"level":"error","msg":%q}`, err.Error())
	}
}

func getenv(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}
