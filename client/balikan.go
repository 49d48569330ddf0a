package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

type balikanBatch struct {
	LembagaID   string        `json:"id_lembaga"`
	LembagaName string        `json:"nama_lembaga"`
	Data        []balikanData `json:"data"`
}

// balikanData is one NIK's entry. Each param is an object of its own with
// one key, in the order of BalikanItem.Params.
type balikanData struct {
	NIK   string              `json:"NIK"`
	Param []map[string]string `json:"param"`
}

type balikanReply struct {
	Message string `json:"message"`
}

// Replies of the balikan endpoint, compared case-insensitively.
const (
	balikanSuccess   = "success"
	balikanDelivered = "data sudah pernah dikirim"
)

// DeliverBalikan posts one batch to the configured store URL. HTTP 200
// "Success" and HTTP 400 "Data sudah pernah dikirim" (delivered before)
// return nil; anything else returns a *CallError that names the status.
func (c *HTTPClient) DeliverBalikan(ctx context.Context, items []BalikanItem) error {
	if len(items) == 0 {
		return nil
	}
	if c.cfg.StoreURL == "" {
		return errors.New("balikan delivery is not configured: set store_url and store_token, or export the queue as a file")
	}

	body, err := json.Marshal([]balikanBatch{c.balikanBatch(items)})
	if err != nil {
		return err
	}
	ex := &exchange{method: MethodBalikan, url: c.cfg.StoreURL, body: body, bearer: c.cfg.StoreToken}
	defer ex.wipe()

	start := time.Now()
	err = c.post(ctx, c.store, ex)
	if err == nil {
		err = checkBalikanReply(ex)
	}

	outcome := Delivered
	if err != nil {
		outcome = OutcomeOf(err)
	}
	c.logCall(ctx, ex, outcome, err, time.Since(start))
	return err
}

func (c *HTTPClient) balikanBatch(items []BalikanItem) balikanBatch {
	batch := balikanBatch{LembagaID: c.cfg.LembagaID, LembagaName: c.cfg.LembagaName}
	for _, item := range items {
		data := balikanData{NIK: item.NIK, Param: make([]map[string]string, 0, len(item.Params))}
		for _, p := range item.Params {
			data.Param = append(data.Param, map[string]string{p.Key: p.Value})
		}
		batch.Data = append(batch.Data, data)
	}
	return batch
}

// checkBalikanReply accepts 200 "Success" and 400 "Data sudah pernah
// dikirim". The reply's message is not quoted in errors because a store
// might echo a NIK in it.
func checkBalikanReply(ex *exchange) error {
	var reply balikanReply
	decodeErr := json.Unmarshal(ex.reply, &reply)
	message := strings.ToLower(strings.Join(strings.Fields(reply.Message), " "))

	switch {
	case ex.status == 200 && message == balikanSuccess:
		return nil
	case ex.status == 400 && message == balikanDelivered:
		return nil
	}

	outcome := GatewayError
	fix := "check the balikan endpoint's health and store_url; the batch stays queued"
	switch {
	case ex.status == 401 || ex.status == 403:
		outcome = LoginFailed
		fix = "check store_token with the Dukcapil office; the batch stays queued"
	case ex.status == 200 && decodeErr != nil:
		outcome = Malformed
	}
	return &CallError{
		Method:  ex.method,
		Outcome: outcome,
		Err:     fmt.Errorf("balikan endpoint returned HTTP status %d with an unexpected message: %s", ex.status, fix),
	}
}
