package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/disdikbud/kiosk/config"
	"github.com/disdikbud/kiosk/store"
)

const operatorUsage = `usage:
  kiosk operator add -id ID -name NAME -nda YYYY-MM-DD [-supervisor]   create an account, or update one
  kiosk operator list                                                 list the accounts
The PIN (4-8 digits) is read from the terminal without echo, or from standard input.`

func runOperator(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%s", operatorUsage)
	}
	if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(os.Stderr, operatorUsage)
		return nil
	}
	switch args[0] {
	case "add":
		return operatorAdd(args[1:])
	case "list":
		return operatorList(args[1:])
	}
	return fmt.Errorf("unknown operator command %q\n%s", args[0], operatorUsage)
}

func openStoreIn(dataDir string) (*store.Store, error) {
	return store.Open(context.Background(), filepath.Join(dataDir, "kiosk.db"))
}

// openExistingStore opens the database in dataDir, refusing to create one
// there: a command that only reads it was most likely given the wrong
// folder.
func openExistingStore(dataDir string) (*store.Store, error) {
	path := filepath.Join(dataDir, "kiosk.db")
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("no kiosk database at %s: point -data at the kiosk's data directory (the demo's is %s-demo)", path, config.DefaultDataDir())
	}
	return store.Open(context.Background(), path)
}

// operatorAdd creates an account or updates one. On an update, a flag that
// is not given keeps the account's current value, so re-running the
// command to change a PIN never drops an NDA date or a supervisor role.
func operatorAdd(args []string) error {
	fs := flag.NewFlagSet("operator add", flag.ContinueOnError)
	dataDir := fs.String("data", config.DefaultDataDir(), "directory of the kiosk's database")
	id := fs.String("id", "", "operator ID, e.g. OP01")
	name := fs.String("name", "", "operator's name, for the audit trail")
	nda := fs.String("nda", "", "date the operator signed the NDA, YYYY-MM-DD; an account without it cannot sign in")
	supervisor := fs.Bool("supervisor", false, "the account may leave the kiosk, export balikan and see the report; -supervisor=false removes the role")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *id == "" {
		return fmt.Errorf("-id is required")
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })

	st, err := openStoreIn(*dataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()

	op, exists, err := findOperator(ctx, st, strings.ToUpper(*id))
	if err != nil {
		return err
	}
	if given["name"] || !exists {
		op.Name = *name
	}
	if given["supervisor"] || !exists {
		op.Supervisor = *supervisor
	}
	if given["nda"] {
		d, err := time.ParseInLocation("2006-01-02", *nda, time.Local)
		if err != nil {
			return fmt.Errorf("-nda %q is not a date: use YYYY-MM-DD", *nda)
		}
		op.NDADate = d
	}

	pin, err := readPIN()
	if err != nil {
		return err
	}
	if err := st.PutOperator(ctx, op, pin); err != nil {
		return err
	}
	verb := "created"
	if exists {
		verb = "updated"
	}
	fmt.Fprintf(os.Stderr, "operator %s %s%s\n", op.ID, verb, describeOperator(op))
	return nil
}

func findOperator(ctx context.Context, st *store.Store, id string) (store.Operator, bool, error) {
	ops, err := st.Operators(ctx)
	if err != nil {
		return store.Operator{}, false, err
	}
	for _, op := range ops {
		if op.ID == id {
			return op, true, nil
		}
	}
	return store.Operator{ID: id}, false, nil
}

// readPIN reads the PIN without echo from a terminal, or as a line from
// standard input when it is not one (scripts).
func readPIN() (string, error) {
	fmt.Fprint(os.Stderr, "PIN (4-8 digits): ")
	if term.IsTerminal(os.Stdin.Fd()) {
		pin, err := term.ReadPassword(os.Stdin.Fd())
		fmt.Fprintln(os.Stderr)
		if err != nil {
			return "", fmt.Errorf("read PIN: %w", err)
		}
		return strings.TrimSpace(string(pin)), nil
	}
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", fmt.Errorf("read PIN from standard input: %w", err)
	}
	return strings.TrimSpace(line), nil
}

func operatorList(args []string) error {
	fs := flag.NewFlagSet("operator list", flag.ContinueOnError)
	dataDir := fs.String("data", config.DefaultDataDir(), "directory of the kiosk's database")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openExistingStore(*dataDir)
	if err != nil {
		return err
	}
	defer st.Close()
	ops, err := st.Operators(context.Background())
	if err != nil {
		return err
	}
	if len(ops) == 0 {
		fmt.Println("no operator accounts: create one with kiosk operator add")
		return nil
	}
	for _, op := range ops {
		fmt.Printf("%-10s %s%s\n", op.ID, op.Name, describeOperator(op))
	}
	return nil
}

func describeOperator(op store.Operator) string {
	var parts []string
	if op.Supervisor {
		parts = append(parts, "supervisor")
	}
	if op.NDADate.IsZero() {
		parts = append(parts, "no NDA date: cannot sign in")
	} else {
		parts = append(parts, "NDA "+op.NDADate.Format("2006-01-02"))
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
