// LeanPlay: one import for research scripts. Re-exports every stage of the pipeline.
@_exported public import LeanSource
@_exported public import LeanExtraction
@_exported public import ProblemCorpus
@_exported public import LeanREPL
@_exported public import LeanVerify
@_exported public import ModelClient
@_exported public import Conjecturer
@_exported public import Ledger
@_exported public import Prover
@_exported public import SelfPlay
@_exported public import Evaluation
