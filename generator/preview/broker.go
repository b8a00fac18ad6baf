package preview

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// Event is a message to the open pages.
type Event struct {
	Name string // "reload", "css" or "hello"
	Data string // the site version it brings
}

// Broker fans events out to the pages connected over Server-Sent Events.
type Broker struct {
	mu      sync.Mutex
	clients map[chan Event]struct{}
}

// NewBroker returns a Broker without clients.
func NewBroker() *Broker { return &Broker{clients: map[chan Event]struct{}{}} }

// Subscribe adds a client; cancel removes it.
func (b *Broker) Subscribe() (events <-chan Event, cancel func()) {
	ch := make(chan Event, 16)
	b.mu.Lock()
	b.clients[ch] = struct{}{}
	b.mu.Unlock()
	return ch, func() {
		b.mu.Lock()
		delete(b.clients, ch)
		b.mu.Unlock()
	}
}

// Publish sends e to every client. A client too slow to take it misses it;
// the version in its next event makes it reload anyway.
func (b *Broker) Publish(e Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.clients {
		select {
		case ch <- e:
		default:
		}
	}
}

// Clients returns the number of connected clients.
func (b *Broker) Clients() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.clients)
}

// serveEvents streams events to one page until it goes away. The first
// event, "hello", carries the current version: a page that reconnects after
// missing a rebuild sees a version it does not have and reloads.
func (b *Broker) serveEvents(w http.ResponseWriter, r *http.Request, version string) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	events, cancel := b.Subscribe()
	defer cancel()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "retry: 500\nevent: hello\ndata: %s\n\n", version)
	flusher.Flush()
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-keepAlive.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		case e := <-events:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.Name, e.Data)
		}
		flusher.Flush()
	}
}
