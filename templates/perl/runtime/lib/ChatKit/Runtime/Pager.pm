package ChatKit::Runtime::Pager;

use strict;
use warnings;

use Scalar::Util qw(blessed);

our $VERSION = '0.01';

# Iterates over every item of a paginated list call, fetching pages as needed.
sub new {
    my ( $class, $client, $op, @args ) = @_;
    my ( $positional, $named, $options ) = $client->_split_args( $op, @args );
    return bless {
        client     => $client,
        op         => $op,
        positional => $positional,
        named      => $named,
        options    => $options,
        items      => [],
        page       => undef,
        done       => 0,
    }, $class;
}

sub _field {
    my ( $page, $name ) = @_;
    return if !defined $name;
    return $page->get($name) if blessed $page && $page->can('get');
    return ref $page eq 'HASH' ? $page->{$name} : undef;
}

# A Link target made absolute against the URL of the page that sent it.
sub _absolute {
    my ( $base, $url ) = @_;
    return $url if $url =~ m{\A[a-z][a-z0-9+.-]*://}ixms;
    my ($origin) = $base =~ m{\A([a-z][a-z0-9+.-]*://[^/?#]*)}ixms;
    return $origin . $url if $url =~ m{\A/}xms;
    ( my $dir = $base ) =~ s{[?#].*\z}{}xms;
    $dir =~ s{[^/]*\z}{}xms;
    return $dir . $url;
}

sub _is_count {
    my ($value) = @_;
    return defined $value && !ref $value && $value =~ /\A\d+\z/xms;
}

sub _items_of {
    my ( $self, $page ) = @_;
    my $field = $self->{op}{pagination}{items};
    my $items = defined $field ? _field( $page, $field ) : $page;
    return ref $items eq 'ARRAY' ? @{$items} : ();
}

sub _fetch {
    my ($self) = @_;
    my $client  = $self->{client};
    my $request = $client->_prepare( $self->{op}, $self->{positional}, $self->{named} );
    $request->{url} = $self->{next_url} if defined $self->{next_url};
    $self->{last_url} = $request->{url};
    my ( $page, $headers ) = $client->_execute( $self->{op}, $request, $self->{options} );
    my @items = $self->_items_of($page);
    push @{ $self->{items} }, @items;
    $self->{page} = $page;
    $self->_advance( $page, $headers, \@items );
    return;
}

sub _advance {
    my ( $self, $page, $headers, $items ) = @_;
    my $p     = $self->{op}{pagination};
    my $style = $p->{style};
    $self->{done} = 1;
    return if !@{$items} && $style ne 'link';
    if ( $style eq 'link' ) {
        my ($url) = ( $headers->{link} // q{} ) =~ /<([^>]+)>\s*;[^,]*rel="?next"?/xms;
        return if !defined $url || !@{$items};
        $url = _absolute( $self->{last_url}, $url );
        return if $url eq $self->{last_url};    # the server does not move on
        @{$self}{qw(next_url done)} = ( $url, 0 );
        return;
    }
    if ( $style eq 'cursor' ) {
        my $more = _field( $page, $p->{has_more} );
        return if defined $p->{has_more} && !$more;
        my $cursor =
          defined $p->{cursor_field}
          ? _field( $page, $p->{cursor_field} )
          : _field( $items->[-1], 'id' );
        return if !defined $cursor || ref $cursor || $cursor eq q{};
        # The same request again would give the same page: the server does not move on.
        return if defined $self->{named}{ $p->{arg} } && $self->{named}{ $p->{arg} } eq $cursor;
        $self->{named}{ $p->{arg} } = $cursor;
    }
    elsif ( $style eq 'offset' ) {
        my $start = ( $self->{named}{ $p->{arg} } // 0 ) + @{$items};
        my $total = _field( $page, $p->{total} );
        return if _is_count($total) && $start >= $total;
        $self->{named}{ $p->{arg} } = $start;
    }
    else {
        my $number = $self->{named}{ $p->{arg} } // 1;
        my $total  = _field( $page, $p->{total} );
        if ( _is_count($total) ) {
            my $size = defined $p->{limit_arg} ? $self->{named}{ $p->{limit_arg} } : undef;
            $size = @{$items} if !$size;
            return if $number * $size >= $total;
        }
        $self->{named}{ $p->{arg} } = $number + 1;
    }
    $self->{done} = 0;
    return;
}

# The next item, or nothing when every page has been read.
sub next {    ## no critic (Subroutines::ProhibitBuiltinHomonyms)
    my ($self) = @_;
    while ( !@{ $self->{items} } ) {
        return if $self->{done};
        $self->_fetch;
    }
    return shift @{ $self->{items} };
}

# Every (remaining) item.
sub all {
    my ($self) = @_;
    my @out;
    while ( defined( my $item = $self->next ) ) { push @out, $item }
    return @out;
}

# The last page fetched (a model), or undef before the first.
sub page { my ($self) = @_; return $self->{page} }

1;

__END__

=head1 NAME

ChatKit::Runtime::Pager - an iterator over every item of a paginated list

=head1 SYNOPSIS

    my $items = $client->things->list_all( limit => 20 );
    while ( defined( my $item = $items->next ) ) { ... }

=head1 DESCRIPTION

Fetches the next page when the current one is used up: by cursor, offset, page
number or the C<Link> header, as the operation pages. The first error is thrown.

=head1 METHODS

=over 4

=item next

=item all

=item page

=item new

=back

=cut
