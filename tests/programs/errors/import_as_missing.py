import sys as system, collections_that_do_not_exist as c
