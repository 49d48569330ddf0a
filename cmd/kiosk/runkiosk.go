package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/disdikbud/kiosk/config"
)

func runKiosk(args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	path := fs.String("config", config.DefaultPath(), "configuration file (TOML, mode 0600)")
	lang := fs.String("lang", "", "screen language, id or en; overrides the config file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := config.Load(*path)
	if errors.Is(err, config.ErrNotFound) {
		fmt.Fprintf(os.Stderr, "kiosk: no config file at %s: running the demo\n", *path)
		demoArgs := []string{}
		if *lang != "" {
			demoArgs = append(demoArgs, "-lang", *lang)
		}
		return runDemo(demoArgs)
	}
	if err != nil {
		return err
	}
	if *lang != "" {
		cfg.Lang = *lang
	}
	return runConfigured(cfg)
}
