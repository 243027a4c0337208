package ChatKit::Error::NotFound;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Error::API';

our $VERSION = '0.1.0';

1;

__END__

=head1 NAME

ChatKit::Error::NotFound - 404: the resource does not exist

=head1 DESCRIPTION

A L<ChatKit::Error::API> with C<status>, C<body> and C<request_id>.

=cut
