package dukcapiltest

import (
	"encoding/json"
	"io"
	"net/http"
	"time"
)

// BalikanBatch is one batch the balikan endpoint received.
type BalikanBatch struct {
	LembagaID   string
	LembagaName string
	Data        []BalikanData
	Time        time.Time
	Status      int // the HTTP status of the fake's reply
}

// BalikanData is one NIK's entry of a batch, params in the order sent.
type BalikanData struct {
	NIK    string
	Params []Param
}

// Param is one KEY: value object of a balikan entry.
type Param struct {
	Key   string
	Value string
}

type wireBatch struct {
	LembagaID   string `json:"id_lembaga"`
	LembagaName string `json:"nama_lembaga"`
	Data        []struct {
		NIK   string              `json:"NIK"`
		Param []map[string]string `json:"param"`
	} `json:"data"`
}

type storeMessage struct {
	Message string `json:"message"`
}

// serveBalikan checks the bearer token, records the batches, and replies
// 200 "Success", or 400 "Data sudah pernah dikirim" when any NIK and param
// key pair was delivered before. The new pairs of such a batch are kept,
// so a client that counts the 400 as delivered loses nothing.
func (s *Server) serveBalikan(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	s.record(Call{Method: methodBalikan, Time: time.Now()})
	latency, _, _, _, _ := s.settings()
	if !sleep(r.Context(), latency) {
		return
	}

	if r.Header.Get("Authorization") != "Bearer "+StoreToken {
		s.writeStatus(w, http.StatusUnauthorized, storeMessage{"Unauthorized"})
		return
	}
	var wire []wireBatch
	batches, ok := parseBatches(body, &wire)
	if !ok {
		s.writeStatus(w, http.StatusBadRequest, storeMessage{"Format data tidak sesuai"})
		return
	}

	status, message := s.deliver(batches)
	s.writeStatus(w, status, storeMessage{message})
}

func parseBatches(body []byte, wire *[]wireBatch) ([]BalikanBatch, bool) {
	if err := json.Unmarshal(body, wire); err != nil || len(*wire) == 0 {
		return nil, false
	}
	var batches []BalikanBatch
	for _, wb := range *wire {
		batch := BalikanBatch{LembagaID: wb.LembagaID, LembagaName: wb.LembagaName, Time: time.Now()}
		if wb.LembagaID == "" || len(wb.Data) == 0 {
			return nil, false
		}
		for _, d := range wb.Data {
			data := BalikanData{NIK: d.NIK}
			if !sixteenDigits(d.NIK) || len(d.Param) == 0 {
				return nil, false
			}
			for _, p := range d.Param {
				if len(p) != 1 {
					return nil, false
				}
				for k, v := range p {
					data.Params = append(data.Params, Param{Key: k, Value: v})
				}
			}
			batch.Data = append(batch.Data, data)
		}
		batches = append(batches, batch)
	}
	return batches, true
}

// deliver stores the pairs of batches and returns the reply.
func (s *Server) deliver(batches []BalikanBatch) (int, string) {
	s.mu.Lock()
	defer s.mu.Unlock()

	repeated := false
	for _, batch := range batches {
		for _, d := range batch.Data {
			for _, p := range d.Params {
				key := d.NIK + "\x00" + p.Key
				repeated = repeated || s.delivered[key]
				s.delivered[key] = true
			}
		}
	}

	status, message := http.StatusOK, "Success"
	if repeated {
		status, message = http.StatusBadRequest, "Data sudah pernah dikirim"
	}
	for _, batch := range batches {
		batch.Status = status
		s.batches = append(s.batches, batch)
	}
	return status, message
}
