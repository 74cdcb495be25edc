// WFRepl
import CLibEdit
