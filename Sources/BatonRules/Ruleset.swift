/// The ruleset model, loader and engine.
import BatonLang
