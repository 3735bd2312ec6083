//! Error: the builtin exception classes (one table) and `PyErr`, the Rust-side error.
//!
//! A raised exception is always a heap `ExcObj`; `PyErr` is a copyable handle to it
//! that Rust code propagates with `?`. Exceptions never trigger a collection while they
//! propagate (collection happens only at safepoints, see `gc.rs`).

use crate::gc::Gc;
use crate::object::ExcObj;

macro_rules! exc_types {
    ($( $name:ident : $parent:ident ),* $(,)?) => {
        /// A builtin exception class.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum ExcType { BaseException, $( $name ),* }
        impl ExcType {
            /// Every builtin exception class, parents before children.
            pub const ALL: &'static [ExcType] = &[ExcType::BaseException, $( ExcType::$name ),*];
            /// The class name.
            pub fn name(self) -> &'static str {
                match self { ExcType::BaseException => "BaseException", $( ExcType::$name => stringify!($name) ),* }
            }
            /// The base class (None for BaseException).
            pub fn parent(self) -> Option<ExcType> {
                match self { ExcType::BaseException => None, $( ExcType::$name => Some(ExcType::$parent) ),* }
            }
        }
    };
}

exc_types! {
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    StopIteration: Exception,
    ArithmeticError: Exception,
    ZeroDivisionError: ArithmeticError,
    OverflowError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    NameError: Exception,
    UnboundLocalError: NameError,
    RuntimeError: Exception,
    RecursionError: RuntimeError,
    NotImplementedError: RuntimeError,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    MemoryError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    SyntaxError: Exception,
}

/// A raised Python exception on its way up the Rust stack.
#[derive(Clone, Copy, Debug)]
pub struct PyErr(pub Gc<ExcObj>);

impl From<crate::num::NumError> for ExcType {
    fn from(e: crate::num::NumError) -> ExcType {
        use crate::num::NumErrorKind as K;
        match e.kind {
            K::ZeroDivisionError => ExcType::ZeroDivisionError,
            K::ValueError => ExcType::ValueError,
            K::OverflowError => ExcType::OverflowError,
            K::TypeError => ExcType::TypeError,
            K::MemoryError => ExcType::MemoryError,
        }
    }
}
